// A business table in full: every row the service's database last reported,
// newest first, in a scrolling dialog over the canvas, with the same marks as
// the node (rows an anomaly names, duplicates). Opened by a node's "+N more".

import type { Row, ServiceName } from '../../core/rows';
import { shopRowTarget } from '../history/inspector/targets';
import { usePlayground } from '../store/hooks';
import { columnsFor } from './columns';
import { markedRowClass, markedRowTag } from './MarkedRows';
import { namedIds, rowMarks } from './rowMarks';
import { TableDialog } from './TableDialog';

interface Props {
  service: ServiceName;
  table: string;
  idempotencyKeys: boolean;
  onClose(): void;
}

const created = (r: Row) => (typeof r.created_at === 'number' ? r.created_at : 0);

export function FullTable({ service, table, idempotencyKeys, onClose }: Props) {
  const map = usePlayground((s) => s.mirror[service]?.[table]);
  const anomalies = usePlayground((s) => s.anomalies);
  const rows = [...(map?.values() ?? [])].sort((a, b) => created(b) - created(a));
  const marks = Object.fromEntries(rowMarks(table, rows, namedIds(anomalies)));
  return (
    <TableDialog
      title={`${service} · ${table}`}
      label={`${service}: all ${table}`}
      testId={`full-table-${service}-${table}`}
      onClose={onClose}
      columns={columnsFor(table, rows[0], { idempotencyKeys })}
      rows={rows}
      rowKey={(r, i) => String(r.id ?? r.sku ?? i)}
      rowClass={markedRowClass(marks)}
      rowTag={markedRowTag(marks, table)}
      inspect={shopRowTarget(service, table)}
    />
  );
}
