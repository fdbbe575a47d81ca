// Pure: the crash points a process can reach in a run of a given approach, so
// the picker never offers one that cannot fire (no relay without an outbox, no
// consumer without events). The approach's own failure comes first, ready to arm.

import { CRASH_POINT_NAMES, type CrashPoint } from '../../core/crashPoints';
import type { ProcessName } from '../../core/telemetry';
import type { Approach } from '../approach';

/** Points only a "before" approach reaches, and only in the order service. */
const BEFORE_ONLY: CrashPoint[] = ['direct-after-charge', 'coordinator-after-prepare'];

function reachable(approach: Approach, process: ProcessName): CrashPoint[] {
  if (approach.ordering === 'direct-calls') {
    return process === 'order' ? ['direct-after-charge', 'before-commit'] : ['before-commit'];
  }
  if (approach.ordering === 'two-phase-commit') {
    return process === 'order' ? ['coordinator-after-prepare', 'before-commit'] : ['before-commit'];
  }
  const messaging = CRASH_POINT_NAMES.filter((p) => !BEFORE_ONLY.includes(p));
  if (approach.publishing === 'outbox') return messaging;
  // Dual write has no relay; what it loses, it loses between commit and publish.
  const rest = messaging.filter(
    (p) => p !== 'relay-after-publish-before-mark' && p !== 'after-commit-before-publish',
  );
  return ['after-commit-before-publish', ...rest];
}

/** `armed`: a point armed elsewhere (the scripting API) stays listed, so the picker can show it. */
export function crashPointsFor(
  approach: Approach,
  process: ProcessName,
  armed: CrashPoint | null = null,
): CrashPoint[] {
  const points = reachable(approach, process);
  return armed && !points.includes(armed) ? [...points, armed] : points;
}
