// A business table in full: every row the service's database last reported,
// newest first, in a scrolling dialog over the canvas, with the same marks as
// the node (rows an anomaly names, duplicates). Opened by a node's "+N more".

import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import type { Row, ServiceName } from '../../core/rows';
import { historyView } from '../history/historyViewStore';
import { shopRowTarget } from '../history/inspector/targets';
import { usePlayground } from '../store/hooks';
import { columnsFor } from './columns';
import { DataTable } from './DataTable';
import { markedRowClass, markedRowTag } from './MarkedRows';
import { namedIds, rowMarks } from './rowMarks';

interface Props {
  service: ServiceName;
  table: string;
  idempotencyKeys: boolean;
  onClose(): void;
}

const created = (r: Row) => (typeof r.created_at === 'number' ? r.created_at : 0);

export function FullTable({ service, table, idempotencyKeys, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const map = usePlayground((s) => s.mirror[service]?.[table]);
  const anomalies = usePlayground((s) => s.anomalies);
  const rows = [...(map?.values() ?? [])].sort((a, b) => created(b) - created(a));
  const marks = rowMarks(table, rows, namedIds(anomalies));

  useEffect(() => {
    const element = dialog.current;
    element?.showModal();
    return () => element?.close();
  }, []);

  const close = () => {
    dialog.current?.close();
    onClose();
  };
  // A row clicked here opens the inspector in the side panel: the dialog gives way so it can be seen.
  useEffect(() => historyView.subscribe((s, before) => s.opened !== before.opened && close()));

  return createPortal(
    <dialog
      ref={dialog}
      className="full-table-dialog"
      aria-label={`${service}: all ${table}`}
      data-testid={`full-table-${service}-${table}`}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) close();
      }}
    >
      <header className="full-table-head">
        <h2>
          {service} · {table} <span className="count">{rows.length} rows</span>
        </h2>
        <button type="button" className="btn btn-small" onClick={close}>
          Close
        </button>
      </header>
      <div className="full-table-scroll">
        <DataTable
          caption={<span className="sr-only">{table}</span>}
          columns={columnsFor(table, rows[0], { idempotencyKeys })}
          rows={rows}
          slots={Math.max(1, rows.length)}
          rowKey={(r, i) => String(r.id ?? r.sku ?? i)}
          rowClass={markedRowClass(Object.fromEntries(marks))}
          rowTag={markedRowTag(Object.fromEntries(marks), table)}
          inspect={shopRowTarget(service, table)}
        />
      </div>
    </dialog>,
    document.body,
  );
}
