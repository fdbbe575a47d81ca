// The History tab's sequence view: one order's (one saga's) messages and
// local transactions in a lane per service and the broker, as of the moment
// the page is looking at — the live counterpart of the Mermaid export. The
// rows are derived from the recorded facts (core/history/orderSequence.ts);
// clicking one moves the whole page to its moment.

import { useMemo, useState } from 'react';
import { followFacts } from '../../../core/history/followFacts';
import { findThread, followSequence, threadsFold } from '../../../core/history/orderSequence';
import { useHistoryReads } from '../HistoryContext';
import { useRecordedFacts } from '../historyFeed';
import { historyView, useHistoryView } from '../historyViewStore';
import { momentLabel } from '../momentLabel';
import { momentStore, useMoment } from '../momentStore';
import { ThreadPicker } from './ThreadPicker';
import { SequenceRows } from './SequenceRows';
import './sequence.css';

/** One each for the page's one feed: each update folds only its new facts (the tab's next opening too). */
const followedThreads = followFacts(threadsFold);
const followedSequence = followSequence();

export function SequenceView() {
  const { reads } = useHistoryReads();
  const { facts, forgotten, error } = useRecordedFacts(reads);
  const viewing = useMoment((s) => s.viewing);
  const followed = useHistoryView((s) => s.correlation);
  const [showIgnored, setShowIgnored] = useState(false);

  // Derived from the whole history (a crash belongs to an order still in flight after the viewed moment too),
  // each feed update folding only its new facts; the moment only cuts the threads and rows.
  const allThreads = useMemo(() => followedThreads({ facts, forgotten }), [facts, forgotten]);
  const threads = viewing ? allThreads.filter((t) => t.at <= viewing.time) : allThreads;
  const thread = findThread(threads, followed) ?? threads[0] ?? null;
  const sequence = useMemo(
    () => (thread ? followedSequence({ facts, forgotten }, thread) : null),
    [facts, forgotten, thread],
  );

  if (error && !facts.length) return <p className="history-empty">Could not read the history: {error}</p>;
  if (!threads.length)
    return (
      <p className="history-empty">
        {facts.length
          ? 'No order or saga in the recorded history yet: the sequence view follows the shop’s orders by their correlation id.'
          : 'Nothing recorded yet: start the run, then pick an order here.'}
      </p>
    );
  const asOfMoment = sequence ? sequence.rows.filter((r) => !viewing || r.at <= viewing.time) : [];
  const rows = asOfMoment.filter((r) => showIgnored || !r.ignored);
  const hidden = asOfMoment.length - rows.length;
  const ignored = asOfMoment.filter((r) => r.ignored).length;
  return (
    <section className="seq-view" aria-label="Message sequence">
      <div className="seq-controls">
        <ThreadPicker
          threads={threads}
          value={thread?.correlation ?? ''}
          onPick={(correlation) => historyView.getState().follow(correlation)}
        />
        <label className="seq-toggle">
          <input type="checkbox" checked={showIgnored} onChange={(e) => setShowIgnored(e.target.checked)} />
          deliveries a service ignored
          {hidden
            ? ` (${hidden} rows)`
            : ignored
              ? ''
              : ' (none: a service is delivered only the types it handles)'}
        </label>
      </div>
      {sequence && (
        <SequenceRows
          lanes={sequence.lanes}
          rows={rows}
          viewingSeq={viewing ? (rows.at(-1)?.seq ?? null) : null}
          onPick={(row) => momentStore.getState().view({ time: row.at, step: row.step })}
        />
      )}
      {viewing && (
        <p className="seq-moment" role="status">
          Viewing the past: rows up to {momentLabel(viewing.time, viewing.step)}.
        </p>
      )}
    </section>
  );
}
