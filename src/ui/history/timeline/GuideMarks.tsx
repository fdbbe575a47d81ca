// The guide's narrative steps on the timeline: a numbered flag at the moment
// each step's action had finished, clickable to go there.

import { useNarrative } from '../../store/narrativeStore';
import { momentStore } from '../momentStore';
import { axisOf, type TimelineScale } from './timelineModel';

export function GuideMarks({ scale }: { scale: TimelineScale }) {
  const moments = useNarrative((s) => s.moments);
  const entries = Object.entries(moments);
  if (!entries.length) return null;
  return (
    <div className="timeline-guide" aria-label="Guide steps on the timeline">
      {entries.map(([index, moment]) => {
        const at = axisOf(scale, scale.deterministic ? (moment.step ?? 0) : moment.time);
        const n = Number(index) + 1;
        return (
          <button
            key={index}
            type="button"
            className="timeline-guide-mark"
            style={{ left: `${at * 100}%` }}
            title={`Guide step ${n}: the moment its action had finished`}
            aria-label={`Show guide step ${n}`}
            onClick={() => momentStore.getState().view(moment)}
          >
            {n}
          </button>
        );
      })}
    </div>
  );
}
