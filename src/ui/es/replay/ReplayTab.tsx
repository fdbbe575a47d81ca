// Replay: the chosen aggregate's events, its state as of any version V (the
// slider, or Step one event at a time with the event just folded highlighted),
// where its snapshots sit, and what loading it costs with and without them.

import { useMemo } from 'react';
import { useEs, useEsView } from '../EsContext';
import { count, eventDetail } from '../esFormat';
import { streamVersion } from '../esState';
import { knownSnapshots, snapshotMarks } from '../replayMath';
import { InlineError } from '../../faults/InlineError';
import { LoadCostBox } from './LoadCostBox';
import { ReplayEvents } from './ReplayEvents';
import { ReplaySlider } from './ReplaySlider';
import { StateView } from './StateView';
import { TimeTravel } from './TimeTravel';
import { useLoadStats, useStateAt, useStreamEvents } from './useReplayData';
import { useThrottled } from './useThrottled';
import './replay.css';

const NONE: number[] = [];
const FOLLOW_MS = 1000;

function Replay({ id, store }: { id: string; store: string }) {
  // While a stream grows, Replay catches up once a second rather than on every append.
  const latest = useThrottled(
    useEs((s) => streamVersion(s, id)),
    FOLLOW_MS,
  );
  const newest = useEs((s) => s.streams.find((x) => x.id === id)?.snapshotVersion ?? null);
  const seen = useEs((s) => s.snapshotsSeen[id] ?? NONE);
  const asOf = useEsView((s) => s.asOf);
  const setAsOf = useEsView((s) => s.setAsOf);
  const version = Math.min(asOf ?? latest, latest);
  const snapshots = useMemo(() => knownSnapshots(seen, newest), [seen, newest]);
  const snapSet = useMemo(() => new Set(snapshots), [snapshots]);
  const marks = useMemo(() => snapshotMarks(latest, snapshots), [latest, snapshots]);
  const events = useStreamEvents(id, latest);
  const at = useStateAt(id, version);
  const load = useLoadStats(id, latest);
  const folded = events.value?.[version - 1];
  return (
    <>
      <h2 className="panel-title replay-title">
        {id}{' '}
        <span className="muted replay-sub">
          {store} · {count(latest)} {latest === 1 ? 'event' : 'events'}
          {newest !== null && ` · snapshot v${count(newest)}`}
        </span>
      </h2>
      <ReplaySlider
        version={version}
        latest={latest}
        marks={marks}
        snapshots={snapshots}
        onChange={setAsOf}
      />
      {events.value && <TimeTravel events={events.value} version={version} onChange={setAsOf} />}
      <p className="replay-folded" role="status" data-testid="replay-folded">
        {version === 0 ? (
          'Version 0: nothing folded yet — the initial state.'
        ) : folded ? (
          <>
            Just folded{' '}
            <strong>
              v{count(version)} {folded.type}
            </strong>{' '}
            {eventDetail(folded)}
          </>
        ) : (
          `Version ${count(version)}`
        )}
      </p>
      <div className="replay-columns">
        <StateView at={at.value} error={at.error} />
        {events.error && <InlineError message={`Could not read the events: ${events.error}`} />}
        {events.value && (
          <ReplayEvents
            store={store}
            events={events.value}
            version={version}
            snapshots={snapSet}
            onPick={setAsOf}
          />
        )}
      </div>
      <LoadCostBox load={load} />
    </>
  );
}

export function ReplayTab() {
  const chosen = useEsView((s) => s.chosen);
  if (!chosen) {
    return (
      <p className="muted es-hint">
        Choose a stream in <strong>orders</strong> or <strong>bank</strong> (or press New order) to replay it
        event by event.
      </p>
    );
  }
  return <Replay key={chosen.id} id={chosen.id} store={chosen.store} />;
}
