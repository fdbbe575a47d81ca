// One demonstration's link, a real link (it opens the run in this tab, or a new
// one with the browser's own keys), and the verdict the run promises.

import type { Demo } from '../../core/scenario/library/demos';
import { demoLink } from './demoLinks';

export function DemoAnchor({ base, demo }: { base: string; demo: Demo }) {
  const { href, label, promise } = demoLink(base, demo);
  return (
    <span className="demo">
      <a className="demo-link" href={href} data-demo={demo.kind}>
        {label}
      </a>
      <span className="demo-promise">{promise}</span>
    </span>
  );
}
