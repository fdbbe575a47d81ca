// Anomalies grouped by the invariant they break, each with the promise it
// makes and every message found: the shop's panel and the event-sourced tab
// show them the same way.

import { INVARIANTS } from '../../core/invariantCatalogue';

/** What the store keeps of an anomaly: any invariant name, known to the catalogue or not. */
interface Anomaly {
  invariant: string;
  message: string;
}

export function AnomalyGroups({ anomalies }: { anomalies: readonly Anomaly[] }) {
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
            <span className="anomaly-promise">{INVARIANTS[invariant as keyof typeof INVARIANTS]}</span>
          )}
          <ul className="anomaly-messages">
            {found.map((a, i) => (
              <li key={i}>{a.message}</li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
