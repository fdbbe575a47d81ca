// A table in full, in a scrolling dialog over the canvas: what a node's "+N more" opens. It closes on
// Escape, a click beside it or Close, and gives way when a row clicked in it opens the inspector.

import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { historyView } from '../history/historyViewStore';
import { DataTable, type DataTableProps } from './DataTable';

interface Props extends Omit<DataTableProps, 'caption' | 'slots'> {
  /** The dialog's heading: whose table, and which. */
  title: ReactNode;
  /** Its accessible name, and the table's caption for screen readers. */
  label: string;
  testId: string;
  onClose(): void;
}

export function TableDialog({ title, label, testId, onClose, rows, ...table }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);

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
      aria-label={label}
      data-testid={testId}
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
          {title} <span className="count">{rows.length} rows</span>
        </h2>
        <button type="button" className="btn btn-small" onClick={close}>
          Close
        </button>
      </header>
      <div className="full-table-scroll">
        <DataTable
          caption={<span className="sr-only">{label}</span>}
          rows={rows}
          slots={Math.max(1, rows.length)}
          {...table}
        />
      </div>
    </dialog>,
    document.body,
  );
}
