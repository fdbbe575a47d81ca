// The event-sourced and CDC runs' charts over time, as ChartDerivers over
// their facts. Event-sourced: events appended per second per store, and each
// read model's projection lag (its store's newest position − its checkpoint).
// CDC: where the listings change log's head, the connector's stored position
// and the search documents' newest applied change stand. Pure.

import type { CdcReport } from '../../cdc/cdcTypes';
import type { EsFact } from '../../eventsourcing/esTypes';
import { PROJECTION_SOURCES } from '../../eventsourcing/projectionSources';
import type { ChartDeriver } from './chartSeries';

export const eventsAppended: ChartDeriver<Map<string, number>> = {
  kinds: ['appended'],
  charts: [{ id: 'appended', title: 'Events appended per store', unit: 'events / s', kind: 'rate' }],
  start: () => new Map(),
  apply(s, fact) {
    const f = fact as EsFact;
    if (f.kind === 'appended') s.set(f.store, (s.get(f.store) ?? 0) + f.events.length);
  },
  sample: (s) => [Object.fromEntries(s)],
};

interface Projections {
  head: Map<string, number>;
  checkpoint: Map<string, number>;
}

export const projectionLag: ChartDeriver<Projections> = {
  kinds: ['appended', 'projected'],
  charts: [{ id: 'projection-lag', title: 'Projection lag per read model', unit: 'events', kind: 'gauge' }],
  start: () => ({ head: new Map(), checkpoint: new Map() }),
  apply(s, fact) {
    const f = fact as EsFact;
    if (f.kind === 'appended')
      for (const e of f.events) s.head.set(f.store, Math.max(s.head.get(f.store) ?? 0, e.position ?? 0));
    if (f.kind === 'projected') s.checkpoint.set(f.name, f.checkpoint);
  },
  sample(s) {
    if (!s.head.size) return [{}];
    const out: Record<string, number> = {};
    for (const { readModel, store } of PROJECTION_SOURCES)
      out[readModel] = Math.max(0, (s.head.get(store) ?? 0) - (s.checkpoint.get(readModel) ?? 0));
    return [out];
  },
};

interface CdcPositions {
  head: number | null;
  position: number | null;
  applied: number | null;
}

export const changeLogPositions: ChartDeriver<CdcPositions> = {
  kinds: ['commit', 'cdc-connector'],
  charts: [
    {
      id: 'cdc-positions',
      title: 'Change log: head, connector position, search applied',
      unit: 'change seq',
      kind: 'gauge',
    },
  ],
  start: () => ({ head: null, position: null, applied: null }),
  apply(s, fact) {
    const f = fact as CdcReport;
    if (f.kind === 'commit' && f.service === 'listings')
      for (const c of f.changes)
        if (c.op === 'put' && c.table === 'changes') s.head = Math.max(s.head ?? 0, Number(c.row.seq));
    if (f.kind === 'commit' && f.service === 'query')
      for (const c of f.changes)
        if (c.op === 'put' && typeof c.row.sourceSeq === 'number')
          s.applied = Math.max(s.applied ?? 0, c.row.sourceSeq);
    if (f.kind === 'cdc-connector')
      s.position = Math.max(0, ...f.state.sources.map((source) => source.position.seq));
  },
  sample(s) {
    if (s.head === null) return [{}];
    const out: Record<string, number> = { 'log head': s.head };
    if (s.position !== null) out['connector position'] = s.position;
    if (s.applied !== null) out['search applied'] = s.applied;
    return [out];
  },
};

export const ES_CDC_CHARTS = [eventsAppended, projectionLag, changeLogPositions];
