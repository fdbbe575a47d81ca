// How the guide names a change-data-capture run's actions, in the present
// ("makes 100 random writes") or the past. Pure; narrativeActions.ts's
// actionText hands these over here.

import type { CdcAction } from '../../core/scenario/library';

const TAB_NAMES: Record<Extract<CdcAction, { kind: 'showTab' }>['tab'], string> = {
  envelope: 'Envelope',
  anomalies: 'Anomalies',
};

type Write = Extract<CdcAction, { kind: 'write' }>['write'];

function writeText(write: Write, past: boolean): string {
  switch (write.op) {
    case 'create':
      return `${past ? 'inserted' : 'inserts'} listing ${write.listing?.title ? `“${write.listing.title}”` : 'a new listing'}`;
    case 'update': {
      const fields = Object.entries(write.changes).map(
        ([field, value]) => `${field} ${Array.isArray(value) ? value.join(', ') : String(value)}`,
      );
      return `${past ? 'updated' : 'updates'} ${write.id}: ${fields.join('; ')}`;
    }
    case 'delete':
      return `${past ? 'deleted' : 'deletes'} ${write.id}`;
  }
}

export function cdcActionText(action: CdcAction, past: boolean): string {
  const verb = (present: string, done: string) => (past ? done : present);
  switch (action.kind) {
    case 'write':
      return writeText(action.write, past);
    case 'writeMany':
      return `${verb('makes', 'made')} ${action.count.toLocaleString('en')} random writes to the listings table`;
    case 'crashAt':
      return `${verb('arms', 'armed')} a crash of ${action.process} at ${action.point}`;
    case 'restart':
      return `${verb('restarts', 'restarted')} ${action.process}`;
    case 'settle':
      return verb(
        'waits until the read model has applied the whole log',
        'waited until the read model had applied the whole log',
      );
    case 'search':
      return `${verb('searches', 'searched')} for “${action.text}”${action.city ? ` in ${action.city}` : ''}`;
    case 'showTab':
      return `${verb('opens', 'opened')} the ${TAB_NAMES[action.tab]} tab`;
  }
}
