// How the guide names a shop run's actions, in the present ("places 2
// orders") or the past. Pure; the shop's topology module hands these to
// narrativeActions.ts's actionText.

import { plural } from '../format';
import type { Beat, ShopAction } from '../../core/scenario/library';

/** The side-panel tabs a shop guide may bring forward. */
export type GuideTab = Extract<ShopAction, { kind: 'showTab' }>['tab'];

const TAB_NAMES: Record<GuideTab, string> = {
  sagas: 'Sagas',
  setup: 'Setup',
  faults: 'Faults',
  anomalies: 'Anomalies',
  log: 'Log',
};

export function shopActionText(action: ShopAction, past: boolean): string {
  switch (action.kind) {
    case 'steps':
      return `${past ? 'granted' : 'grants'} ${plural(action.count, 'step')}`;
    case 'runToEnd':
      return past ? 'ran to the end' : 'runs to the end';
    case 'stepUntil':
      return `${past ? 'ran' : 'runs'} until ${beatText(action.beat, past)}`;
    case 'placeOrders':
      return `${past ? 'placed' : 'places'} ${plural(action.count, 'order')}`;
    case 'restart':
      return `${past ? 'restarted' : 'restarts'} ${action.process}`;
    case 'settle':
      return past ? 'waited until nothing was owed anywhere' : 'waits until nothing is owed anywhere';
    case 'showTab':
      return `${past ? 'opened' : 'opens'} the ${TAB_NAMES[action.tab]} tab`;
  }
}

/** The moment a guide step stops on, as the end of "runs until …" ("ran until …" in the past). */
export function beatText(beat: Beat, past = false): string {
  switch (beat.kind) {
    case 'crash':
      return `${beat.process} ${past ? 'crashed' : 'crashes'}`;
    case 'restart':
      return `${beat.process} ${past ? 'was' : 'is'} running again`;
    case 'placed':
      return `the next order ${past ? 'was' : 'is'} placed`;
    case 'published':
      return `${beat.service}’s pending outbox rows ${past ? 'were' : 'are'} published`;
    case 'emitted':
      return `${beat.service} ${past ? 'wrote' : 'writes'} ${beat.type} to its outbox`;
  }
}
