// A strip showing when each fault fired: steps in a deterministic run,
// simulation time in a live one, the axis reaching the present. Markers carry
// the plan's numbers; hovering one (or reading the list) gives its description.

import type { CSSProperties } from 'react';
import { useController } from '../controls/ControllerContext';
import { useSimNow } from '../sagas/useSimNow';
import { usePlayground } from '../store/hooks';
import { whenText } from './faultStatus';
import { layoutTimeline, unitFor } from './timelineLayout';

/** The share of the strip one marker needs to stay legible beside another (a chip is about 30px of 300). */
const MIN_GAP = 0.1;

export function FaultTimeline() {
  const controller = useController();
  const fired = usePlayground((s) => s.faultsFired);
  const sim = usePlayground((s) => s.sim);
  const deterministic = (sim?.mode ?? controller.mode) === 'deterministic';
  // A live run's clock runs on between reports; a deterministic one moves only by steps.
  const liveNow = useSimNow(1000);
  const unit = unitFor(deterministic, fired);
  const now = unit === 'step' ? (sim?.steps ?? 0) : ((deterministic ? sim?.simTime : liveNow) ?? 0);
  const timeline = layoutTimeline(fired, unit, now, MIN_GAP);
  return (
    <figure className="fault-timeline" aria-labelledby="fault-timeline-title">
      <figcaption id="fault-timeline-title" className="faults-subtitle">
        When faults fired <span className="muted">— {unit === 'step' ? 'steps' : 'simulation time'}</span>
      </figcaption>
      <div className="timeline-strip" style={{ '--lanes': timeline.lanes } as CSSProperties}>
        <ol className="timeline-markers" aria-label="Fired faults, earliest first">
          {timeline.markers.map(({ fired: f, x, lane }) => (
            <li
              key={`${f.index}-${f.at}-${f.description}`}
              className="timeline-marker"
              style={{ left: `${x * 100}%`, '--lane': lane } as CSSProperties}
              title={`Fault ${f.index + 1}, ${whenText(f)}: ${f.description}`}
            >
              <span className="timeline-chip" aria-hidden="true">
                {f.index + 1}
              </span>
              <span className="visually-hidden">
                Fault {f.index + 1}, {whenText(f)}: {f.description}
              </span>
            </li>
          ))}
        </ol>
        <div className="timeline-axis" aria-hidden="true">
          {timeline.ticks.map((t) => (
            <span key={t.x} className="timeline-tick" style={{ left: `${t.x * 100}%` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
      {fired.length === 0 && <p className="muted timeline-empty">No fault has fired yet.</p>}
    </figure>
  );
}
