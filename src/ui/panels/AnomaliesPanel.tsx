// Invariant violations, as the checker reports them, grouped by invariant with
// what it promises (from the catalogue). Empty is the good news, so it says so
// in green rather than showing nothing.

import { AnomalyGroups } from './AnomalyGroups';
import { clockTime } from '../format';
import { usePlayground } from '../store/hooks';
import type { Anomaly, PlaygroundData } from '../store/types';

interface Props {
  anomalies: readonly Anomaly[];
  check: PlaygroundData['anomalyCheck'];
}

function CheckedAt({ check }: { check: NonNullable<Props['check']> }) {
  return (
    <p className="muted checked-at">
      checked {clockTime(check.at)}
      {check.settled ? ', system quiet' : ', system still busy'}
    </p>
  );
}

export function AnomaliesList({ anomalies, check }: Props) {
  if (!check && anomalies.length === 0) {
    return <p className="muted">Not checked yet: the checker runs whenever the system is quiet.</p>;
  }
  if (anomalies.length === 0) {
    return (
      <>
        <p className="all-good">✓ No invariant violated: no event lost, nobody charged twice.</p>
        {check && <CheckedAt check={check} />}
      </>
    );
  }
  return (
    <>
      <AnomalyGroups anomalies={anomalies} />
      {check && <CheckedAt check={check} />}
    </>
  );
}

export function AnomaliesPanel() {
  const anomalies = usePlayground((s) => s.anomalies);
  const check = usePlayground((s) => s.anomalyCheck);
  return (
    <section
      className={anomalies.length ? 'panel anomalies has-anomalies' : 'panel anomalies'}
      aria-labelledby="anomalies-title"
    >
      <h2 id="anomalies-title" className="panel-title">
        Anomalies{anomalies.length > 0 && <span className="panel-count">{anomalies.length}</span>}
      </h2>
      <AnomaliesList anomalies={anomalies} check={check} />
    </section>
  );
}
