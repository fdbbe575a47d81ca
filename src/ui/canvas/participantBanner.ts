// Pure wording of a two-phase-commit participant's state, for the banner atop
// its locks: blocked, in doubt, or idle, always in a title and two lines so the
// banner keeps its height whatever it says.

import { plural, shortId } from '../format';
import type { ParticipantView } from '../store/twoPhase';

export interface Banner {
  title: string;
  lines: [string, string];
}

function holding(view: ParticipantView): string {
  const what = view.locks.length > 0 ? plural(view.locks.length, 'lock') : 'a promise';
  const forWhom =
    view.transactions.length === 1
      ? shortId(view.transactions[0])
      : plural(view.transactions.length, 'transaction');
  return `holding ${what} for ${forWhom}`;
}

/** Orders waiting for a lock are left to the waits table beneath: the line has no room for both. */
const awaiting = (view: ParticipantView) => `prepared, awaiting decision: ${view.prepared}`;

export function participantBanner(view: ParticipantView): Banner {
  switch (view.state) {
    case 'blocked':
      return { title: 'BLOCKED: coordinator down', lines: [holding(view), awaiting(view)] };
    case 'in-doubt':
      return { title: 'in doubt: awaiting the decision', lines: [holding(view), awaiting(view)] };
    case 'idle':
      return {
        title: 'no transaction in doubt',
        lines: ['prepare locks what an order needs', 'commit or abort from order frees it'],
      };
  }
}
