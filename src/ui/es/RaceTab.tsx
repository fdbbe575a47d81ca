// Race: two writers load the same order at the same version and both append.
// The store takes one; the other is told "wrong expected version", reloads,
// decides again and appends after it. Shows the loser's message and the retry.

import { useCallback, useEffect } from 'react';
import { InlineError } from '../faults/InlineError';
import { target } from './esActions';
import { useEs, useEsContext, useEsView } from './EsContext';
import { useAsyncAction } from './useAsyncAction';

function useRace() {
  const { controller, facts } = useEsContext();
  const action = useAsyncAction();
  const { run } = action;
  const start = useCallback(
    (orderId: string) =>
      run(async () => facts.getState().addRace({ orderId, ...(await controller.stageRace(orderId)) })),
    [run, controller, facts],
  );
  return { ...action, start };
}

function LastRace() {
  const race = useEs((s) => s.races[0]);
  if (!race) return null;
  return (
    <div className="race-result" data-testid="race-result">
      <h3>Race on {race.orderId}</h3>
      {race.message ? (
        <>
          <p>The losing writer was told:</p>
          <blockquote className="race-message">{race.message}</blockquote>
          <p className="race-retry">
            It reloaded the order, decided again and appended after the winner:{' '}
            <strong>{race.conflicts === 1 ? '1 conflict' : `${race.conflicts} conflicts`}</strong>, retried,
            both writes kept.
          </p>
        </>
      ) : (
        <p>No conflict this time: the second writer loaded after the first had appended.</p>
      )}
    </div>
  );
}

function ConflictLog() {
  const conflicts = useEs((s) => s.conflicts);
  if (!conflicts.length) return null;
  return (
    <section aria-labelledby="conflicts-title">
      <h3 id="conflicts-title" className="es-subhead">
        Conflicts reported by the stores
      </h3>
      <ul className="es-log">
        {conflicts.map((c) => (
          <li key={c.seq}>{c.message}</li>
        ))}
      </ul>
    </section>
  );
}

export function RaceTab() {
  const chosen = useEsView((s) => s.chosen);
  const request = useEsView((s) => s.raceRequest);
  const { view } = useEsContext();
  const order = useEs((s) => target('orders', chosen, s.streams));
  const ordersUp = useEs((s) => s.processes.orders.status === 'running');
  const race = useRace();
  // The toolbar's "Stage a race" lands here, so its progress and failure show in this tab.
  const { start } = race;
  useEffect(() => {
    const orderId = request && view.getState().takeRaceRequest();
    if (orderId) void start(orderId);
  }, [request, view, start]);
  return (
    <section className="panel es-tab-panel" aria-labelledby="race-title">
      <h2 id="race-title" className="panel-title">
        Optimistic concurrency
      </h2>
      <p className="es-explain">
        Two writers load <strong>{order ?? 'an order'}</strong> at the same version and each appends an item,
        expecting the stream to still be at that version. The event store's check and append are one
        transaction: one wins, the other must reload and try again.
      </p>
      <button
        type="button"
        className="btn btn-primary"
        disabled={!order || !ordersUp || race.busy}
        onClick={() => order && void race.start(order)}
      >
        {race.busy ? 'Racing…' : order ? `Stage a race on ${order}` : 'Create an order first'}
      </button>
      {race.error && <InlineError message={race.error} onDismiss={race.clearError} />}
      <LastRace />
      <ConflictLog />
    </section>
  );
}
