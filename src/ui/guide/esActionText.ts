// How the guide names an event-sourced run's actions, in the present ("grows
// the order by 10,000 events") or the past. Pure; narrativeActions.ts's
// actionText hands these over here.

import type { EsAction } from '../../core/scenario/library';

const TAB_NAMES: Record<Extract<EsAction, { kind: 'showTab' }>['tab'], string> = {
  replay: 'Replay',
  race: 'Race',
  ryw: 'Read your writes',
  anomalies: 'Anomalies',
};

const REMEDY_NAMES: Record<Extract<EsAction, { kind: 'readYourWrites' }>['remedy'], string> = {
  eventual: 'accepting eventual consistency',
  'poll-read-model': 'polling the read model',
  'return-entity': 'returning the entity from the write',
};

export function esActionText(action: EsAction, past: boolean): string {
  const verb = (present: string, done: string) => (past ? done : present);
  switch (action.kind) {
    case 'newOrder':
      return `${verb('makes', 'made')} a new order with two items`;
    case 'growOrder':
      return `${verb('grows', 'grew')} the order by ${action.count.toLocaleString('en')} events`;
    case 'measureLoad':
      return `${verb('loads', 'loaded')} the order with and without its snapshot`;
    case 'stageRace':
      return `${verb('stages', 'staged')} a race between two writers`;
    case 'transfer':
      return `${verb('transfers', 'transferred')} ${action.amount} from ${action.from} to ${action.to}`;
    case 'crashAt':
      return `${verb('arms', 'armed')} a crash of ${action.process} at ${action.point}`;
    case 'restart':
      return `${verb('restarts', 'restarted')} ${action.process}`;
    case 'rebuild':
      return `${verb('rebuilds', 'rebuilt')} ${action.name} from every event`;
    case 'readYourWrites':
      return `${verb('writes', 'wrote')} an order and ${verb('reads', 'read')} it at once, ${REMEDY_NAMES[action.remedy]}`;
    case 'settle':
      return verb(
        'waits until every read model has caught up',
        'waited until every read model had caught up',
      );
    case 'showTab':
      return `${verb('opens', 'opened')} the ${TAB_NAMES[action.tab]} tab`;
  }
}
