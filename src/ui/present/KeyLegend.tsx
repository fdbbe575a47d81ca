// The always-visible key legend of presenter mode: the key map's main rows,
// the digit row spelled out with the services this run has.

import type { ProcessName } from '../../core/telemetry';
import { KEY_MAP, selectKeysLabel } from './keyMap';

export function KeyLegend({ targets }: { targets: readonly ProcessName[] }) {
  return (
    <section className="key-legend" aria-labelledby="key-legend-title">
      <h2 id="key-legend-title" className="present-heading">
        Keys
      </h2>
      <dl>
        {KEY_MAP.filter((b) => b.legend).map((b) => (
          <div key={b.kind} className="key-row">
            <dt>
              <kbd>{b.kind === 'select' ? selectKeysLabel(targets) : b.label}</kbd>
            </dt>
            <dd>{b.short}</dd>
          </div>
        ))}
      </dl>
      <ol className="key-targets" aria-label="Services by key">
        {targets.map((name, i) => (
          <li key={name}>
            <kbd>{i + 1}</kbd> {name}
          </li>
        ))}
      </ol>
    </section>
  );
}
