// What the timeline draws, derived from the recorded facts: the moments one
// can stand on (each step of a deterministic run; each distinct time of a live
// one), and the marks — every fact sorted into a few kinds and counted per
// column, crashes and faults kept apart so they stand out. Pure.

import type { RecordedFact } from '../../../runtime/historyReads';
import { followFacts, type FollowedFold } from '../../../core/history/followFacts';
import type { ViewedMoment } from '../momentStore';

export type MarkKind = 'crash' | 'fault' | 'restart' | 'trouble' | 'publish' | 'delivery' | 'commit';

/** Drawn in this order of importance: a column shows its most important kind on top. */
export const MARK_KINDS: readonly MarkKind[] = [
  'crash',
  'fault',
  'restart',
  'trouble',
  'publish',
  'delivery',
  'commit',
];

export const MARK_WORDS: Record<MarkKind, [one: string, many: string]> = {
  crash: ['crash', 'crashes'],
  fault: ['fault fired', 'faults fired'],
  restart: ['restart', 'restarts'],
  trouble: ['duplicate or failure', 'duplicates or failures'],
  publish: ['publish', 'publishes'],
  delivery: ['delivery', 'deliveries'],
  commit: ['transaction', 'transactions'],
};

/** The mark a recorded fact makes, or null for the ones that are figures rather than events (stats, hydrates). */
export function markKind(fact: { kind: string; status?: unknown }): MarkKind | null {
  switch (fact.kind) {
    case 'crashed':
      return 'crash';
    case 'fault-fired':
    case 'broker-fault':
      return 'fault';
    case 'process':
      return fact.status === 'restarting' ? 'restart' : null;
    case 'duplicate':
    case 'broker-duplicate':
    case 'handler-failed':
    case 'dead-lettered':
    case 'conflict':
      return 'trouble';
    case 'published':
    case 'cdc-published':
      return 'publish';
    case 'delivered':
    case 'cdc-applied':
    case 'projected':
      return 'delivery';
    case 'commit':
    case 'appended':
    case 'broker-commit':
      return 'commit';
    default:
      return null;
  }
}

/**
 * What the timeline reads of the facts, folded as they come (followTimeline): the distinct times, and each
 * fact that makes a mark — its time, its step, and how many of each kind the marks before it made.
 */
export interface TimelineFacts {
  times: readonly number[];
  /** Marks folded: the entries of `ats` and `steps` (and of `counted`, one more) this value covers. */
  length: number;
  ats: readonly number[];
  steps: readonly number[];
  /** Per kind, how many of the first i marks are of it (i from 0 to `length`). */
  counted: Readonly<Record<MarkKind, readonly number[]>>;
}

interface TimelineFold {
  times: number[];
  ats: number[];
  steps: number[];
  counted: Record<MarkKind, number[]>;
}

const timelineFold = {
  start: (): TimelineFold => ({
    times: [],
    ats: [],
    steps: [],
    counted: Object.fromEntries(MARK_KINDS.map((k) => [k, [0]])) as Record<MarkKind, number[]>,
  }),
  add(s: TimelineFold, facts: readonly RecordedFact[], from: number, to: number): true {
    for (let i = from; i < to; i++) {
      const f = facts[i];
      if (s.times.at(-1) !== f.at) s.times.push(f.at);
      const kind = markKind(f.fact as { kind: string; status?: unknown });
      if (!kind) continue;
      s.ats.push(f.at);
      s.steps.push(f.step ?? 0);
      for (const k of MARK_KINDS) s.counted[k].push(s.counted[k].at(-1)! + (k === kind ? 1 : 0));
    }
    return true;
  },
  // The arrays only grow: a result covers its `length` of them; the times are copied (the scale hands them on).
  result: (s: TimelineFold): TimelineFacts => ({ ...s, times: s.times.slice(), length: s.ats.length }),
};

/** The timeline's reading of the facts, from scratch. */
export function timelineFacts(facts: readonly RecordedFact[]): TimelineFacts {
  const state = timelineFold.start();
  timelineFold.add(state, facts, 0, facts.length);
  return timelineFold.result(state);
}

/** The timeline's reading of the facts, each read folding only the facts new since the one before. */
export function followTimeline(): FollowedFold<RecordedFact, TimelineFacts> {
  return followFacts(timelineFold);
}

/** Where the timeline can stand: a deterministic run's steps 0…now, or a live run's distinct fact times. */
export interface TimelineScale {
  deterministic: boolean;
  /** The last position: the step now, or the latest fact's time. */
  end: number;
  /** Live runs only: the distinct times facts happened at, ascending. */
  times: readonly number[];
}

export function timelineScale(
  marks: TimelineFacts,
  now: { deterministic: boolean; steps: number },
): TimelineScale {
  if (now.deterministic) return { deterministic: true, end: now.steps, times: [] };
  return { deterministic: false, end: marks.times.at(-1) ?? 0, times: marks.times };
}

/** How many positions there are (the index of the last is now). */
export function positions(scale: TimelineScale): number {
  return scale.deterministic ? scale.end + 1 : Math.max(1, scale.times.length);
}

/** Where on the axis (0…1) a fact or position lies. */
export function axisOf(scale: TimelineScale, value: number): number {
  if (scale.end <= 0) return 1;
  return Math.min(1, Math.max(0, value / scale.end));
}

/** The position `index` names, as the moment the page is asked to show. */
export function momentAt(scale: TimelineScale, facts: readonly RecordedFact[], index: number): ViewedMoment {
  if (scale.deterministic) return { step: index, time: timeOfStep(facts, index) };
  return { step: null, time: scale.times[index] ?? 0 };
}

/** The position of a moment on the scale: its step, or the index of the last time not after it. */
export function indexOf(scale: TimelineScale, moment: ViewedMoment): number {
  if (scale.deterministic) return Math.min(moment.step ?? scale.end, scale.end);
  let lo = 0;
  let hi = scale.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (scale.times[mid] <= moment.time) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** The simulation time a deterministic step ended at: its last fact's (the step before's when it recorded none). */
export function timeOfStep(facts: readonly RecordedFact[], step: number): number {
  let time = 0;
  for (const f of facts) {
    if ((f.step ?? 0) > step) break;
    time = f.at;
  }
  return time;
}

export interface MarkColumn {
  /** 0…1 along the axis (the column's left edge). */
  x: number;
  /** The most important kind in it: its colour. */
  top: MarkKind;
  counts: Partial<Record<MarkKind, number>>;
}

/** The marks, one column per `columns`th of the axis that holds any. */
export function markColumns(marks: TimelineFacts, scale: TimelineScale, columns: number): MarkColumn[] {
  const values = scale.deterministic ? marks.steps : marks.ats;
  const columnOf = (i: number) => Math.min(columns - 1, Math.floor(axisOf(scale, values[i]) * columns));
  const out: MarkColumn[] = [];
  // The marks are in axis order: each column's are one run of them, found by halving, counted by the sums.
  for (let from = 0; from < marks.length;) {
    const column = columnOf(from);
    let lo = from + 1;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (columnOf(mid) <= column) lo = mid + 1;
      else hi = mid;
    }
    const counts: Partial<Record<MarkKind, number>> = {};
    for (const kind of MARK_KINDS) {
      const n = marks.counted[kind][lo] - marks.counted[kind][from];
      if (n) counts[kind] = n;
    }
    out.push({ x: column / columns, top: MARK_KINDS.find((k) => counts[k])!, counts });
    from = lo;
  }
  return out;
}

/** A column's tooltip: what happened there, most important first. */
export function columnText(counts: Partial<Record<MarkKind, number>>): string {
  return MARK_KINDS.filter((k) => counts[k])
    .map((k) => `${counts[k]} ${MARK_WORDS[k][counts[k] === 1 ? 0 : 1]}`)
    .join(', ');
}

/** A past moment in words: its step of the run's steps and its time, or its time alone in a live run. */
export function momentWords(
  viewing: { time: number; step: number | null },
  end: number,
  deterministic: boolean,
): string {
  const time = `time ${Math.round(viewing.time)} ms`;
  return deterministic && viewing.step !== null ? `step ${viewing.step} of ${end} · ${time}` : time;
}

export function nowWords(scale: { end: number }, deterministic: boolean): string {
  return deterministic ? `now · step ${scale.end}` : `now · time ${Math.round(scale.end)} ms`;
}
