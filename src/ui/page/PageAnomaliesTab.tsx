// The invariant checker's verdict over a page's run, grouped by invariant
// with what it promises. Empty is the good news, said in green, in the
// page's own words.

import type { Anomaly } from '../../core/invariantCatalogue';
import { AnomalyGroups } from '../panels/AnomalyGroups';
import { clockTime } from '../format';

interface PageAnomaliesTabProps {
  anomalies: readonly Anomaly[];
  check: { at: number; settled: boolean } | null;
  /** Starts the title's element id: unique per page. */
  idPrefix: string;
  /** What no anomaly means on this page, once checked. */
  allGood: string;
  /** What it takes for a first check on this page. */
  notChecked: string;
  testId?: string;
}

export function PageAnomaliesTab({
  anomalies,
  check,
  idPrefix,
  allGood,
  notChecked,
  testId,
}: PageAnomaliesTabProps) {
  const titleId = `${idPrefix}-anomalies-title`;
  return (
    <section
      className={anomalies.length ? 'panel anomalies has-anomalies' : 'panel anomalies'}
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <h2 id={titleId} className="panel-title">
        Anomalies{anomalies.length > 0 && <span className="panel-count">{anomalies.length}</span>}
      </h2>
      {anomalies.length === 0 ? (
        check ? (
          <p className="all-good">✓ No invariant violated: {allGood}</p>
        ) : (
          <p className="muted">Not checked yet: {notChecked}</p>
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
