// A two-phase-commit participant's side of the story: a banner that says
// whether it is blocked (holding locks while the coordinator is down), its
// locks, and the orders whose prepare waits for one of them.

import type { Row } from '../../core/rows';
import { clockTime, shortId, shortResource } from '../format';
import type { ParticipantView } from '../store/twoPhase';
import type { Column } from './columns';
import { DataTable } from './DataTable';
import { participantBanner } from './participantBanner';

const short =
  (field: string): Column['cell'] =>
  (r) => <span title={String(r[field] ?? '')}>{shortId(r[field])}</span>;

const LOCKS: Column[] = [
  { header: 'resource', cell: (r) => shortResource(r.resource), kind: 'key', width: '38%' },
  { header: 'tx', cell: short('txId'), kind: 'key', width: '24%' },
  { header: 'held since', cell: (r) => clockTime(Number(r.since)), kind: 'num', width: '38%' },
];

const WAITS: Column[] = [
  { header: 'order', cell: short('orderId'), kind: 'key', width: '28%' },
  { header: 'waits for', cell: (r) => shortResource(r.resource), kind: 'key', width: '40%' },
  { header: 'held by', cell: short('heldBy'), kind: 'key', width: '32%' },
];

export function ParticipantPanel({ view }: { view: ParticipantView }) {
  const banner = participantBanner(view);
  return (
    <div className={`participant participant-${view.state}`}>
      <div className="participant-banner" aria-label={`${banner.title}: ${banner.lines.join(', ')}`}>
        <div className="participant-title">{banner.title}</div>
        {banner.lines.map((line, i) => (
          <div key={i} className="participant-line">
            {line || '\u00a0'}
          </div>
        ))}
      </div>
      <DataTable
        caption={
          <>
            locks{' '}
            <span className={view.locks.length ? 'count count-doubt' : 'count'}>
              {view.locks.length} held
            </span>
          </>
        }
        columns={LOCKS}
        rows={view.locks as unknown as Row[]}
        slots={2}
        rowKey={(r) => String(r.resource)}
        rowClass={() => 'row-locked'}
      />
      <DataTable
        caption={
          <>
            lock waits{' '}
            <span className={view.waits.length ? 'count count-doubt' : 'count'}>
              {view.waits.length} {view.waits.length === 1 ? 'order' : 'orders'} waiting
            </span>
          </>
        }
        columns={WAITS}
        rows={view.waits as unknown as Row[]}
        slots={1}
        rowKey={(r) => String(r.txId)}
        rowClass={() => 'row-waiting'}
      />
    </div>
  );
}
