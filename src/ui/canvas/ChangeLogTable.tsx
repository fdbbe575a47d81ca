// The change log under a captured table: what the database's log holds (our
// write-ahead-log stand-in), newest first, and the relay's position in it.
// Changes at or below the position are published; the rest are still owed.

import type { ChangeRow } from '../../core/cdc/changeEvent';
import type { Row } from '../../core/rows';
import type { LogTail } from '../store/selectors';
import { shopRowTarget } from '../history/inspector/targets';
import type { Column } from './columns';
import { DataTable } from './DataTable';

const OP_NAMES: Record<ChangeRow['op'], string> = { c: 'insert', u: 'update', d: 'delete' };

function columns(position: number): Column[] {
  return [
    { header: 'seq', cell: (r) => String(r.seq ?? ''), kind: 'num', width: '15%' },
    {
      header: 'op',
      cell: (r) => (
        <span className={`op op-${String(r.op)}`} title={OP_NAMES[r.op as ChangeRow['op']]}>
          {String(r.op)}
        </span>
      ),
      width: '12%',
    },
    {
      header: 'outbox row',
      cell: (r) => {
        const after = (r.after ?? r.before) as Row | null;
        // An outbox row is known by its event type; any other row by its key.
        const label = after?.type !== undefined ? String(after.type) : `${String(r.table)} ${String(r.key)}`;
        return (
          <span title={`${OP_NAMES[r.op as ChangeRow['op']]} of ${String(r.table)} row ${String(r.key)}`}>
            {label}
          </span>
        );
      },
      kind: 'key',
      width: '45%',
    },
    {
      header: 'relay',
      cell: (r) =>
        (r.seq as number) <= position ? (
          <span className="published">read</span>
        ) : (
          <span className="pill pill-pending">ahead</span>
        ),
      width: '28%',
    },
  ];
}

export function ChangeLogTable({ service, tail, slots }: { service: string; tail: LogTail; slots: number }) {
  return (
    <DataTable
      caption={
        <>
          change log{' '}
          <span className={tail.unpublished.length > 0 ? 'count count-pending' : 'count'}>
            position {tail.position} · {tail.unpublished.length} ahead
          </span>
        </>
      }
      columns={columns(tail.position)}
      rows={tail.latest as unknown as Row[]}
      slots={slots}
      rowKey={(r, i) => String(r.seq ?? i)}
      rowClass={(r) => ((r.seq as number) > tail.position ? 'row-pending' : undefined)}
      inspect={shopRowTarget(service, 'changes')}
    />
  );
}
