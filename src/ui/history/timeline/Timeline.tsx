// The strip under every canvas: every recorded fact a mark (crashes and
// faults tall and coloured, the guide's steps labelled), a cursor at the
// moment on show, and the way to move it — drag, click, or the keys (← →
// one moment, PageUp / PageDown ten, Home the start, End or Esc back to now).
// Moving it shows the whole system as it was then; the run goes on meanwhile.

import {
  useDeferredValue,
  useMemo,
  useRef,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { useHistoryReads } from '../HistoryContext';
import { useRecordedFacts } from '../historyFeed';
import { momentStore, useMoment } from '../momentStore';
import { GuideMarks } from './GuideMarks';
import { MomentBanner } from './MomentBanner';
import {
  axisOf,
  columnText,
  followTimeline,
  indexOf,
  markColumns,
  momentAt,
  momentWords,
  nowWords,
  positions,
  timelineScale,
} from './timelineModel';

/** Columns the marks are counted in at most: finer than any track is wide in pixels is wasted. */
const MAX_COLUMNS = 400;
/** The marks' drawing width (SVG units across the track). */
const WIDTH = 1000;

/** One for the page's one feed: each update folds only its new facts (the tab's next opening too). */
const followedTimeline = followTimeline();

const KEY_MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, PageUp: -10, PageDown: 10 };

/** `fork`: the page's Fork from here, shown with the past-moment banner; `notice`: said in the head at now. */
export function Timeline({ fork, notice }: { fork?: ReactNode; notice?: ReactNode } = {}) {
  const { reads, deterministic, simState } = useHistoryReads();
  // Drawn at low priority, as the canvas is: each read re-bins every column, and under load that render must not
  // hold up the frame.
  const { facts, forgotten, error } = useDeferredValue(useRecordedFacts(reads));
  const marks = useMemo(() => followedTimeline({ facts, forgotten }), [facts, forgotten]);
  const viewing = useMoment((s) => s.viewing);
  const track = useRef<HTMLDivElement>(null);
  const steps = deterministic ? simState().steps : 0;
  const scale = useMemo(() => timelineScale(marks, { deterministic, steps }), [marks, deterministic, steps]);
  const last = positions(scale) - 1;
  // A short deterministic run gets a column per step, so each step's marks are as wide as the step.
  const count = Math.min(MAX_COLUMNS, last + 1);
  const columns = useMemo(() => markColumns(marks, scale, count), [marks, scale, count]);
  const markWidth = Math.max(1.5, (WIDTH / count) * 0.6);
  const index = viewing ? indexOf(scale, viewing) : last;

  const go = (next: number) => {
    const clamped = Math.max(0, Math.min(last, next));
    if (clamped >= last) momentStore.getState().backToNow();
    else momentStore.getState().view(momentAt(scale, facts, clamped));
  };

  const indexAtPointer = (clientX: number) => {
    const box = track.current!.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (clientX - box.left) / Math.max(1, box.width)));
    if (scale.deterministic) return Math.round(fraction * scale.end);
    return indexOf(scale, { time: fraction * scale.end, step: null });
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    go(indexAtPointer(e.clientX));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) go(indexAtPointer(e.clientX));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    let next: number | null = null;
    if (e.key in KEY_MOVES) next = index + KEY_MOVES[e.key];
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End' || e.key === 'Escape') next = last;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    go(next);
  };

  const cursorAt = viewing ? axisOf(scale, scale.deterministic ? (viewing.step ?? 0) : viewing.time) : 1;
  const where = viewing ? momentWords(viewing, scale.end, deterministic) : nowWords(scale, deterministic);
  return (
    <section className={viewing ? 'timeline timeline-past' : 'timeline'} aria-label="Timeline">
      <MomentBanner
        viewing={viewing}
        end={scale.end}
        deterministic={deterministic}
        facts={facts.length}
        notice={notice}
      />
      {viewing && fork}
      {error && (
        <p className="timeline-error" role="alert">
          The history could not be read: {error}
        </p>
      )}
      <GuideMarks scale={scale} />
      <div
        ref={track}
        className="timeline-track"
        role="slider"
        tabIndex={0}
        aria-label="Moment on show"
        aria-valuemin={0}
        aria-valuemax={last}
        aria-valuenow={index}
        aria-valuetext={where}
        data-testid="timeline"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onKeyDown={onKeyDown}
      >
        <svg className="timeline-marks" viewBox={`0 0 ${WIDTH} 10`} preserveAspectRatio="none" aria-hidden>
          {columns.map((c) => (
            <rect
              key={c.x}
              className={`timeline-mark mark-${c.top}`}
              x={c.x * WIDTH}
              width={markWidth}
              y={TALL.has(c.top) ? 0 : 4}
              height={TALL.has(c.top) ? 10 : 6}
            >
              <title>{columnText(c.counts)}</title>
            </rect>
          ))}
        </svg>
        <div className="timeline-cursor" style={{ left: `${cursorAt * 100}%` }} aria-hidden />
      </div>
    </section>
  );
}

/** Crashes, faults and restarts stand the track's whole height; the traffic half of it. */
const TALL = new Set(['crash', 'fault', 'restart']);
