// The sequence's lanes and rows: a lane per service and the broker, each row
// an arrow between two lanes (a publish, a delivery, an ack, a duplicate) or
// a mark on one (a local transaction, a crash, a restart), with what it was
// in words beneath. A crashed lane is drawn broken until its restart.

import type { Participant } from '../../../core/export/timeline';
import type { SequenceRow } from '../../../core/history/orderSequence';
import { shortId } from '../../format';
import { momentLabel } from '../momentLabel';

/** Lane names short enough for six lanes in the side panel; the full name is in the title. */
const LANE_LABEL: Partial<Record<Participant, string>> = { orchestrator: 'orch.', inventory: 'invent.' };

const VERB: Record<SequenceRow['kind'], string> = {
  transaction: 'commits',
  publish: 'publishes',
  delivery: 'takes',
  ack: 'acks',
  duplicate: 'is handed',
  crash: '',
  restart: '',
};

export function SequenceRows({
  lanes,
  rows,
  viewingSeq,
  onPick,
}: {
  lanes: readonly Participant[];
  rows: readonly SequenceRow[];
  /** The last row at the viewed moment, marked; null while viewing now. */
  viewingSeq: number | null;
  onPick: (row: SequenceRow) => void;
}) {
  const x = (lane: Participant) => `${((lanes.indexOf(lane) + 0.5) / lanes.length) * 100}%`;
  const down = new Set<Participant>();
  return (
    <div className="seq-chart">
      <ArrowHeads />
      <div className="seq-head" aria-hidden="true">
        <span className="seq-when">when</span>
        <span className="seq-lane-names">
          {lanes.map((l) => (
            <span key={l} title={l}>
              {LANE_LABEL[l] ?? l}
            </span>
          ))}
        </span>
      </div>
      {!rows.length && <p className="history-empty">No rows for this order at this moment.</p>}
      <ol className="seq-rows">
        {rows.map((row, i) => {
          if (row.kind === 'crash') down.add(row.lane);
          const broken = new Set(down);
          if (row.kind === 'restart') down.delete(row.lane);
          return (
            <li key={`${row.seq}-${i}`}>
              <button
                type="button"
                className={`seq-row seq-${row.kind}${row.ignored ? ' seq-ignored' : ''}${row.seq === viewingSeq ? ' seq-viewed' : ''}`}
                onClick={() => onPick(row)}
                title={rowTitle(row)}
              >
                <span className="seq-when">{momentLabel(row.at, row.step).replace('step ', '#')}</span>
                <svg className="seq-lanes" height="18" width="100%" aria-hidden="true">
                  {lanes.map((l) => (
                    <line
                      key={l}
                      x1={x(l)}
                      x2={x(l)}
                      y1="0"
                      y2="18"
                      className={broken.has(l) ? 'seq-lane seq-lane-down' : 'seq-lane'}
                    />
                  ))}
                  <RowMark row={row} x={x} />
                </svg>
                <span className="seq-text">{rowText(row)}</span>
                {row.detail && <span className="seq-detail">{row.detail}</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function RowMark({ row, x }: { row: SequenceRow; x: (lane: Participant) => string }) {
  if (row.to) {
    const from = x(row.lane);
    const to = x(row.to);
    return (
      <line x1={from} x2={to} y1="9" y2="9" className="seq-arrow" markerEnd={`url(#seq-head-${headOf(row)})`}>
        <title>{rowText(row)}</title>
      </line>
    );
  }
  if (row.kind === 'crash')
    return (
      <text x={x(row.lane)} y="14" textAnchor="middle" className="seq-crash-mark">
        ✕
      </text>
    );
  if (row.kind === 'restart') return <circle cx={x(row.lane)} cy="9" r="5" className="seq-restart-mark" />;
  return (
    <rect x={x(row.lane)} y="4" width="10" height="10" transform="translate(-5 0)" className="seq-tx-mark" />
  );
}

/** Arrowheads in the colours of the arrows (a marker cannot take its line's colour everywhere yet). */
function ArrowHeads() {
  return (
    <svg width="0" height="0" className="seq-defs" aria-hidden="true">
      <defs>
        {(['message', 'duplicate', 'ack', 'muted'] as const).map((kind) => (
          <marker
            key={kind}
            id={`seq-head-${kind}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className={`seq-head-${kind}`} />
          </marker>
        ))}
      </defs>
    </svg>
  );
}

function headOf(row: SequenceRow): 'message' | 'duplicate' | 'ack' | 'muted' {
  if (row.ignored) return 'muted';
  return row.kind === 'duplicate' ? 'duplicate' : row.kind === 'ack' ? 'ack' : 'message';
}

function rowText(row: SequenceRow): string {
  if (row.kind === 'crash' || row.kind === 'restart') return row.text;
  const who = row.kind === 'delivery' || row.kind === 'duplicate' ? row.to : row.lane;
  return `${who} ${VERB[row.kind]} ${row.text}`;
}

function rowTitle(row: SequenceRow): string {
  return [
    `${rowText(row)} (${momentLabel(row.at, row.step)}, fact #${row.seq})`,
    row.messageId ? `message ${row.messageId} (${shortId(row.messageId)})` : '',
    row.detail ?? '',
    'Click to view the whole system at this moment',
  ]
    .filter(Boolean)
    .join('\n');
}
