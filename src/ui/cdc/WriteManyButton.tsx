// "Write 100": a hundred random creates, updates and deletes, one transaction
// each — enough for the connector to fall behind and catch up. While they run
// (from here or from the guide) the button is a progress bar.

import { count } from './cdcFormat';
import { runWriteMany } from './cdcActions';
import { useCdc, useCdcContext, useCdcView } from './CdcContext';
import { errorText } from './connectCdc';

export const WRITE_MANY = 100;

export function WriteManyButton() {
  const { controller, facts, view } = useCdcContext();
  const up = useCdc((s) => s.processes.listings.status === 'running');
  const writing = useCdcView((s) => s.writing);
  if (writing)
    return (
      <div className="grow-progress" role="status" aria-label="Writing listings">
        <span>
          writes {count(writing.done)} / {count(writing.total)}
        </span>
        <progress max={writing.total} value={writing.done} aria-label="Random writes done" />
      </div>
    );
  return (
    <button
      type="button"
      className="btn"
      disabled={!up}
      title={`${WRITE_MANY} random creates, updates and deletes, each its own transaction`}
      onClick={() =>
        runWriteMany(controller, view, WRITE_MANY).catch((err: unknown) =>
          facts.getState().reportError(`Write ${WRITE_MANY}`, errorText(err)),
        )
      }
    >
      Write {WRITE_MANY}
    </button>
  );
}
