// The outbox as the relay sees it: rows waiting to be published first, then the
// newest published ones, with the counts that prove nothing is stuck. Which rows
// wait is the view's call: marked rows for a polling relay, the log position for a log-tailing one.

import type { Row } from '../../core/rows';
import type { OutboxView } from '../store/selectors';
import { shopRowTarget } from '../history/inspector/targets';
import type { Column } from './columns';
import { DataTable } from './DataTable';

/** An event type that may break between its words (InventoryReservation·Failed) rather than be cut. */
function TypeName({ type }: { type: string }) {
  const words = type.split(/(?=[A-Z])/);
  return words.map((word, i) => (
    <span key={i}>
      {i > 0 && <wbr />}
      {word}
    </span>
  ));
}

const stateColumn = (pending: ReadonlySet<number>, width: string): Column => ({
  header: 'state',
  cell: (r) =>
    pending.has(r.seq as number) ? (
      <span className="pill pill-pending">pending</span>
    ) : (
      <span className="published">published</span>
    ),
  width,
});

const columns = (pending: ReadonlySet<number>): Column[] => [
  { header: 'seq', cell: (r) => String(r.seq ?? ''), kind: 'num', width: '13%' },
  {
    header: 'type',
    cell: (r) => <span title={`${r.type} for ${r.aggregateid}`}>{String(r.type ?? '')}</span>,
    kind: 'key',
    width: '59%',
  },
  stateColumn(pending, '28%'),
];

/** The presenter's compact node: no sequence number, and a long type wraps between its words instead. */
const compactColumns = (pending: ReadonlySet<number>): Column[] => [
  {
    header: 'type',
    cell: (r) => (
      <span className="type-wraps" title={`${r.type} #${r.seq} for ${r.aggregateid}`}>
        <TypeName type={String(r.type ?? '')} />
      </span>
    ),
    kind: 'wrap',
    width: '64%',
  },
  stateColumn(pending, '36%'),
];

export function OutboxTable({
  service,
  view,
  slots,
  compact = false,
  captionWraps = false,
}: {
  service: string;
  view: OutboxView;
  slots: number;
  compact?: boolean;
  /** The caption may break between its counts (the node keeps a line for it). */
  captionWraps?: boolean;
}) {
  const rows = view.rows as unknown as Row[];
  return (
    <DataTable
      caption={
        <>
          outbox{' '}
          <span className={view.pending > 0 ? 'count count-pending' : 'count'}>
            <span className="count-part">{view.pending} pending ·</span>{' '}
            <span className="count-part">{view.published} published</span>
          </span>
        </>
      }
      columns={(compact ? compactColumns : columns)(view.pendingSeqs)}
      rows={rows}
      slots={slots}
      rowKey={(r, i) => String(r.seq ?? r.id ?? i)}
      rowClass={(r) => (view.pendingSeqs.has(r.seq as number) ? 'row-pending' : undefined)}
      inspect={shopRowTarget(service, 'outbox')}
      className={captionWraps ? 'outbox-table caption-wraps' : 'outbox-table'}
    />
  );
}
