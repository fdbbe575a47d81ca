// The replay's arithmetic: where snapshot marks sit on the "state as of
// version" slider, stepping, and the window of a long event list worth
// rendering. Pure.

export interface SliderMark {
  version: number;
  /** Position along the slider, 0–100. */
  percent: number;
  /** Marks get a number only when there is room for it. */
  labelled: boolean;
}

/**
 * Snapshot marks for a slider from 0 to `latest`: every known snapshot within range, in order,
 * at most `maxLabels` of them numbered (evenly spread, the last always) so labels never collide.
 */
export function snapshotMarks(latest: number, snapshots: Iterable<number>, maxLabels = 6): SliderMark[] {
  if (latest <= 0) return [];
  const versions = [...new Set(snapshots)].filter((v) => v > 0 && v <= latest).sort((a, b) => a - b);
  const every = Math.max(1, Math.ceil(versions.length / maxLabels));
  return versions.map((version, i) => ({
    version,
    percent: (version / latest) * 100,
    labelled: i === versions.length - 1 ? true : (versions.length - 1 - i) % every === 0,
  }));
}

/** V moved by `delta`, kept within 0..latest. */
export function stepVersion(version: number, delta: number, latest: number): number {
  return Math.min(latest, Math.max(0, version + delta));
}

/** Half-open index range [start, end) of at most `size` rows that keeps `focus` in view. */
export function listWindow(total: number, focus: number, size: number): [number, number] {
  if (total <= size) return [0, total];
  const start = Math.min(total - size, Math.max(0, focus - Math.floor(size / 2)));
  return [start, start + size];
}

/** Snapshot versions of a stream from what has been seen: snapshot events and the stream's newest. */
export function knownSnapshots(
  seen: readonly number[] | undefined,
  newest: number | null | undefined,
): number[] {
  const all = new Set(seen ?? []);
  if (newest !== null && newest !== undefined) all.add(newest);
  return [...all].sort((a, b) => a - b);
}

/** The version a stream was at, at time `t`: its last event at or before `t` (0 before the first). */
export function versionAtTime(events: readonly { version: number; at: number }[], t: number): number {
  let version = 0;
  for (const e of events) {
    if (e.at > t) break;
    version = e.version;
  }
  return version;
}

/** `HH:MM:SS(.mmm)` on the day of `reference` (ms since the epoch), in local time; null if it does not parse. */
export function timeOnDayOf(reference: number, text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(text.trim());
  if (!m) return null;
  const day = new Date(reference);
  day.setHours(Number(m[1]), Number(m[2]), Number(m[3] ?? 0), Number((m[4] ?? '0').padEnd(3, '0')));
  return day.getTime();
}
