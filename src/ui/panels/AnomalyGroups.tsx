// Anomalies grouped by the invariant they break, each with the promise it
// makes and every message found: the shop's panel and the event-sourced tab
// show them the same way.

import { useContext } from 'react';
import { INVARIANTS, invariantPromise, type InvariantName } from '../../core/invariantCatalogue';
import { ControllerContext } from '../controls/ControllerContext';
import { IdText } from '../ids/IdText';

/** What the store keeps of an anomaly: any invariant name, known to the catalogue or not. */
interface Anomaly {
  invariant: string;
  message: string;
}

export function AnomalyGroups({ anomalies }: { anomalies: readonly Anomaly[] }) {
  // The shop's controller says how its run publishes, so a promise speaks of what the run has (no outbox
  // row in a dual-write run); other pages have none and get the catalogue's words.
  const config = useContext(ControllerContext)?.config;
  const run = { publishing: config?.publishing, relay: config?.relay?.mode };
  const groups = new Map<string, Anomaly[]>();
  for (const a of anomalies) groups.set(a.invariant, [...(groups.get(a.invariant) ?? []), a]);
  return (
    <ul className="anomaly-list">
      {[...groups].map(([invariant, found]) => (
        <li key={invariant} className="anomaly">
          <strong className="anomaly-invariant">
            {invariant} <span className="anomaly-count">×{found.length}</span>
          </strong>
          {invariant in INVARIANTS && (
            <span className="anomaly-promise">{invariantPromise(invariant as InvariantName, run)}</span>
          )}
          <ul className="anomaly-messages">
            {found.map((a, i) => (
              <li key={i}>
                <IdText text={a.message} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
