// The Setup tab: the run's settings, then the business data that makes saga
// steps succeed or fail. Sections fold away (native <details>, keyboard-ready).

import { CustomersEditor, RegionsEditor, StockEditor } from './BusinessData';
import { FailureKnobs } from './FailureKnobs';
import { RunSettings } from './RunSettings';

export function SetupPanel() {
  return (
    <div className="setup-panel">
      <details className="setup-section" open>
        <summary>Run settings</summary>
        <RunSettings />
      </details>
      <details className="setup-section" open>
        <summary>Business data</summary>
        <p className="setting-note">
          Steps fail because the data says so. Each change is written to the service’s own database.
        </p>
        <StockEditor />
        <CustomersEditor />
        <RegionsEditor />
        <FailureKnobs />
      </details>
    </div>
  );
}
