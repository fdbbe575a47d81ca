// The invariant checker's verdict over the event-sourced run, grouped by
// invariant with what it promises. Empty is the good news, said in green.

import { AnomalyGroups } from '../panels/AnomalyGroups';
import { clockTime } from '../format';
import { useEs } from './EsContext';

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
        <AnomalyGroups anomalies={anomalies} />
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
