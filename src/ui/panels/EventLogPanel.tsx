// The notable moments of a run, newest first: crashes, recoveries, skipped
// duplicates, handler failures, dead letters, sagas turning back or stuck, and
// planned faults going off.

import { clockTime } from '../format';
import { IdText } from '../ids/IdText';
import { usePlayground } from '../store/hooks';
import type { LogKind } from '../store/types';

const ICONS: Record<LogKind, string> = {
  crashed: '✖',
  restarting: '↻',
  recovered: '✔',
  duplicate: '⊘',
  'handler-failed': '!',
  'dead-lettered': '✉',
  'relay-warning': '⚠',
  error: '!',
  saga: '↶',
  fault: '⚡',
};

export function EventLogPanel() {
  const log = usePlayground((s) => s.activity.log);
  return (
    <section className="panel event-log" aria-labelledby="event-log-title">
      <h2 id="event-log-title" className="panel-title">
        Event log
      </h2>
      {log.length === 0 ? (
        <p className="muted">Crashes, recoveries, skipped duplicates and sagas that turn back appear here.</p>
      ) : (
        <ol className="log-list" aria-live="polite">
          {[...log].reverse().map((entry) => (
            <li key={entry.seq} className={`log-entry log-${entry.kind}`}>
              <span className="log-icon" aria-hidden="true">
                {ICONS[entry.kind]}
              </span>
              <time className="log-time">{clockTime(entry.at)}</time>
              <span className="log-text">
                <IdText text={entry.text} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
