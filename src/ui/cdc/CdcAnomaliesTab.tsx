// The invariant checker's verdict over the CDC run: every committed change
// published, and the search read model equal to the table it mirrors.

import { PageAnomaliesTab } from '../page/PageAnomaliesTab';
import { useCdc } from './CdcContext';

export function CdcAnomaliesTab() {
  const anomalies = useCdc((s) => s.anomalies);
  const check = useCdc((s) => s.anomalyCheck);
  return (
    <PageAnomaliesTab
      anomalies={anomalies}
      check={check}
      idPrefix="cdc"
      testId="cdc-anomalies"
      allGood="every committed change was published, and the search documents equal the listings table."
      notChecked="Settle waits for the connector and the query service, then checks."
    />
  );
}
