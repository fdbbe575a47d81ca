// The invariant checker's verdict over the event-sourced run, grouped by
// invariant with what it promises. Empty is the good news, said in green.

import { INVARIANTS } from '../../core/invariants';
import type { Anomaly } from '../../core/invariants';
import { clockTime } from '../format';
import { useEs } from './EsContext';

function group(anomalies: readonly Anomaly[]): [string, Anomaly[]][] {
  const groups = new Map<string, Anomaly[]>();
  for (const a of anomalies) groups.set(a.invariant, [...(groups.get(a.invariant) ?? []), a]);
  return [...groups];
}

export function EsAnomaliesTab() {
  const anomalies = useEs((s) => s.anomalies);
  const check = useEs((s) => s.anomalyCheck);
  return (
    <section className={anomalies.length ? 'panel anomalies has-anomalies' : 'panel anomalies'} aria-labelledby="es-anomalies-title">
      <h2 id="es-anomalies-title" className="panel-title">
        Anomalies{anomalies.length > 0 && <span className="panel-count">{anomalies.length}</span>}
      </h2>
      {anomalies.length === 0 ? (
        check ? (
          <p className="all-good">✓ No invariant violated: replays match, read models converge, no money lost.</p>
        ) : (
          <p className="muted">Not checked yet: the checker runs whenever the system is quiet.</p>
        )
      ) : (
        <ul className="anomaly-list">
          {group(anomalies).map(([invariant, found]) => (
            <li key={invariant} className="anomaly">
              <strong className="anomaly-invariant">
                {invariant} <span className="anomaly-count">×{found.length}</span>
              </strong>
              {invariant in INVARIANTS && <span className="anomaly-promise">{INVARIANTS[invariant as keyof typeof INVARIANTS]}</span>}
              <ul className="anomaly-messages">
                {found.map((a, i) => (
                  <li key={i}>{a.message}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {check && (
        <p className="muted checked-at">
          checked {clockTime(check.at)}
          {check.settled ? ', system quiet' : ', system still busy'}
        </p>
      )}
    </section>
  );
}
