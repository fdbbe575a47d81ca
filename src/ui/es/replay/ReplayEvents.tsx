// The stream's events around V: those folded so far, the one just folded
// (highlighted), those still to come (greyed), snapshots marked. A stream of
// 10,000 events shows only a window of it; a row picks its version, and its
// inspect button opens the event in the History tab.

import type { StoredEvent } from '../../../core/eventsourcing/eventStore';
import { InspectButton } from '../../history/inspector/InspectButton';
import { eventTarget } from '../../history/inspector/targets';
import { count, eventDetail } from '../esFormat';
import { listWindow } from '../replayMath';

const WINDOW = 9;

interface Props {
  store: string;
  events: StoredEvent[];
  version: number;
  snapshots: ReadonlySet<number>;
  onPick(version: number): void;
}

function rowClass(v: number, version: number): string {
  if (v === version) return 'replay-event current';
  return v < version ? 'replay-event folded' : 'replay-event future';
}

export function ReplayEvents({ store, events, version, snapshots, onPick }: Props) {
  const [start, end] = listWindow(events.length, Math.max(0, version - 1), WINDOW);
  const shown = events.slice(start, end);
  return (
    <div className="replay-events">
      <p className="replay-events-caption muted">
        {events.length > WINDOW
          ? `events ${count(start + 1)}–${count(end)} of ${count(events.length)}`
          : `${events.length} ${events.length === 1 ? 'event' : 'events'}`}
      </p>
      <ol className="replay-event-list" aria-label="Events of the stream">
        {shown.map((e) => {
          const target = eventTarget(store, e);
          return (
            <li
              key={e.version}
              className={rowClass(e.version, version)}
              aria-current={e.version === version ? 'step' : undefined}
            >
              <button
                type="button"
                className="replay-event-button"
                onClick={() => onPick(e.version)}
                title={`State as of version ${e.version}`}
              >
                <span className="replay-v">v{count(e.version)}</span>
                <span className="replay-type">{e.type}</span>
                <span className="replay-detail">{eventDetail(e)}</span>
                {snapshots.has(e.version) && (
                  <span className="replay-snap" title={`A snapshot of the state after v${e.version}`}>
                    ◆ snapshot
                  </span>
                )}
              </button>
              {target && <InspectButton target={target} label={`event v${e.version} ${e.type}`} />}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
