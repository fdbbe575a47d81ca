// What the timeline draws, derived from the recorded facts: the moments one
// can stand on (each step of a deterministic run; each distinct time of a live
// one), and the marks — every fact sorted into a few kinds and counted per
// column, crashes and faults kept apart so they stand out. Pure.

import type { RecordedFact } from '../../../runtime/historyReads';
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

/** Where the timeline can stand: a deterministic run's steps 0…now, or a live run's distinct fact times. */
export interface TimelineScale {
  deterministic: boolean;
  /** The last position: the step now, or the latest fact's time. */
  end: number;
  /** Live runs only: the distinct times facts happened at, ascending. */
  times: readonly number[];
}

export function timelineScale(
  facts: readonly RecordedFact[],
  now: { deterministic: boolean; steps: number },
): TimelineScale {
  if (now.deterministic) return { deterministic: true, end: now.steps, times: [] };
  const times: number[] = [];
  for (const f of facts) if (times.at(-1) !== f.at) times.push(f.at);
  return { deterministic: false, end: times.at(-1) ?? 0, times };
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
export function markColumns(
  facts: readonly RecordedFact[],
  scale: TimelineScale,
  columns: number,
): MarkColumn[] {
  const byColumn = new Map<number, Partial<Record<MarkKind, number>>>();
  for (const f of facts) {
    const kind = markKind(f.fact as { kind: string; status?: unknown });
    if (!kind) continue;
    const value = scale.deterministic ? (f.step ?? 0) : f.at;
    const column = Math.min(columns - 1, Math.floor(axisOf(scale, value) * columns));
    const counts = byColumn.get(column) ?? {};
    counts[kind] = (counts[kind] ?? 0) + 1;
    byColumn.set(column, counts);
  }
  return [...byColumn.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([column, counts]) => ({
      x: column / columns,
      top: MARK_KINDS.find((k) => counts[k])!,
      counts,
    }));
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
