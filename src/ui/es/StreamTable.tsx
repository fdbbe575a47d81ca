// A store's streams — id, version, newest snapshot — each a button that picks
// the aggregate the side panel replays.

import type { EsStore, StreamInfo } from '../../runtime/esController';
import { useEs, useEsView } from './EsContext';
import { count, streamLabel } from './esFormat';

const EMPTY: Record<EsStore, string> = {
  orders: 'No orders yet: New order creates a stream.',
  bank: 'No accounts yet: Open account creates a stream.',
};

export function StreamTable({ store }: { store: EsStore }) {
  const all = useEs((s) => s.streams);
  const chosen = useEsView((s) => s.chosen);
  const choose = useEsView((s) => s.choose);
  const streams = all.filter((s: StreamInfo) => s.store === store);
  if (!streams.length) return <p className="muted es-empty">{EMPTY[store]}</p>;
  return (
    <div className="es-table-scroll">
      <table className="data-table es-table es-streams">
        <caption>
          streams <span className="count">{streams.length} total</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">id</th>
            <th scope="col" className="num">
              version
            </th>
            <th scope="col" className="num">
              snapshot
            </th>
          </tr>
        </thead>
        <tbody>
          {streams.map((s) => {
            const picked = chosen?.id === s.id;
            return (
              <tr key={s.id} className={picked ? 'row-chosen' : undefined}>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    aria-pressed={picked}
                    title={`Replay ${s.id}`}
                    onClick={() => choose({ store, id: s.id })}
                  >
                    {streamLabel(s.id)}
                  </button>
                </td>
                <td className="num">{count(s.version)}</td>
                <td className="num">{s.snapshotVersion === null ? '—' : `v${count(s.snapshotVersion)}`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
