// The invariant checker's verdict over the CDC run, grouped by invariant with
// what it promises: every committed change published, and the search read
// model equal to the table it mirrors. Empty is the good news, said in green.

import { AnomalyGroups } from '../panels/AnomalyGroups';
import { clockTime } from '../format';
import { useCdc } from './CdcContext';

export function CdcAnomaliesTab() {
  const anomalies = useCdc((s) => s.anomalies);
  const check = useCdc((s) => s.anomalyCheck);
  return (
    <section
      className={anomalies.length ? 'panel anomalies has-anomalies' : 'panel anomalies'}
      aria-labelledby="cdc-anomalies-title"
      data-testid="cdc-anomalies"
    >
      <h2 id="cdc-anomalies-title" className="panel-title">
        Anomalies{anomalies.length > 0 && <span className="panel-count">{anomalies.length}</span>}
      </h2>
      {anomalies.length === 0 ? (
        check ? (
          <p className="all-good">
            ✓ No invariant violated: every committed change was published, and the search documents equal the
            listings table.
          </p>
        ) : (
          <p className="muted">
            Not checked yet: Settle waits for the connector and the query service, then checks.
          </p>
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
