// "State as of version V": a range from 0 to the stream's version with its
// snapshots marked beneath, the step buttons, and jumps to the snapshot before
// or after V (where a load would start).

import type { SliderMark } from '../replayMath';
import { stepVersion } from '../replayMath';
import { count } from '../esFormat';

interface Props {
  version: number;
  latest: number;
  marks: SliderMark[];
  snapshots: number[];
  onChange(version: number): void;
}

/** Past this many snapshots, marks are hairlines: triangles would merge into a band. */
const DENSE = 30;

/** Labels near an end are aligned inwards so they are never cut off. */
const edge = (percent: number) => (percent > 92 ? 'at-end' : percent < 8 ? 'at-start' : '');

function Marks({ marks }: { marks: SliderMark[] }) {
  if (!marks.length) return null;
  return (
    <div className={marks.length > DENSE ? 'replay-marks dense' : 'replay-marks'} aria-hidden="true">
      {marks.map((m) => (
        <span key={m.version} className="replay-mark" style={{ left: `${m.percent}%` }}>
          {m.labelled && <span className={`replay-mark-label ${edge(m.percent)}`}>{count(m.version)}</span>}
        </span>
      ))}
    </div>
  );
}

export function ReplaySlider({ version, latest, marks, snapshots, onChange }: Props) {
  const before = [...snapshots].reverse().find((s) => s < version);
  const after = snapshots.find((s) => s > version);
  return (
    <div className="replay-slider">
      <label className="replay-slider-label" htmlFor="replay-range">
        State as of version <strong data-testid="replay-version">{count(version)}</strong>{' '}
        <span className="muted">of {count(latest)}</span>
      </label>
      <div className="replay-range-wrap">
        <input
          id="replay-range"
          type="range"
          min={0}
          max={latest}
          step={1}
          value={version}
          aria-valuetext={`version ${version} of ${latest}`}
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <Marks marks={marks} />
      </div>
      {marks.length > 0 && (
        <p className="replay-marks-legend muted">
          ▲ snapshots: a load starts from the newest one at or below V
        </p>
      )}
      <div className="replay-steps" role="group" aria-label="Step through the events">
        <button
          type="button"
          className="btn btn-small"
          disabled={version === 0}
          onClick={() => onChange(0)}
          aria-label="Back to version 0"
        >
          ◀◀ 0
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={version === 0}
          onClick={() => onChange(stepVersion(version, -1, latest))}
          aria-label="Back one event"
        >
          ◀ Back
        </button>
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={version >= latest}
          onClick={() => onChange(stepVersion(version, 1, latest))}
        >
          Step ▶
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={version >= latest}
          onClick={() => onChange(latest)}
          aria-label="To the latest version"
        >
          Latest ▶▶
        </button>
        {snapshots.length > 0 && (
          <>
            <button
              type="button"
              className="btn btn-small"
              disabled={before === undefined}
              onClick={() => before !== undefined && onChange(before)}
              title="Jump to the snapshot before V"
            >
              ◆ prev
            </button>
            <button
              type="button"
              className="btn btn-small"
              disabled={after === undefined}
              onClick={() => after !== undefined && onChange(after)}
              title="Jump to the snapshot after V"
            >
              next ◆
            </button>
          </>
        )}
      </div>
    </div>
  );
}
