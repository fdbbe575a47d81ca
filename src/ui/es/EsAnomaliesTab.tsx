// The invariant checker's verdict over the event-sourced run: replays match,
// read models converge, no money lost.

import { PageAnomaliesTab } from '../page/PageAnomaliesTab';
import { useEs } from './EsContext';

export function EsAnomaliesTab() {
  const anomalies = useEs((s) => s.anomalies);
  const check = useEs((s) => s.anomalyCheck);
  return (
    <PageAnomaliesTab
      anomalies={anomalies}
      check={check}
      idPrefix="es"
      allGood="replays match, read models converge, no money lost."
      notChecked="the checker runs whenever the system is quiet."
    />
  );
}
