// "+N more" on a table's caption when the node shows fewer rows than the table has: it opens the
// table in full (the dialog `open` renders, usually a TableDialog).

import { useState, type ReactNode } from 'react';

interface Props {
  /** Rows the node does not show. */
  more: number;
  /** The button's accessible name ("Show all 12 orders of order"). */
  label: string;
  open(close: () => void): ReactNode;
}

export function MoreRowsButton({ more, label, open }: Props) {
  const [shown, setShown] = useState(false);
  return (
    <>
      {more > 0 && (
        <button type="button" className="more-rows nodrag" aria-label={label} onClick={() => setShown(true)}>
          +{more} more
        </button>
      )}
      {shown && open(() => setShown(false))}
    </>
  );
}
