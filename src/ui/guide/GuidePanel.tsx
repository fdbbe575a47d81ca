// The Guide tab: the library scenario this run tells — its idea (and the
// production system that runs its shape, when the seed names one), its steps
// with what to watch, Start / Next step / Previous, and at the end the
// checker's verdict beside what the scenario expects.

import type { LibraryEntry } from '../../core/scenario/library';
import { topologyOf } from '../../runtime/topologies';
import { openLink } from '../export/shareBase';
import { InProductionNote } from '../library/InProductionNote';
import { entryHref, pageBase } from '../library/libraryLinks';
import { GuideFooter } from './GuideFooter';
import { GuideSteps } from './GuideSteps';
import '../styles/library.css';

export function GuidePanel({ entry }: { entry: LibraryEntry }) {
  const again = entryHref(pageBase(location), entry);
  return (
    <section className="panel guide" aria-labelledby="guide-title">
      <p className="guide-section">{entry.section}</p>
      <h2 id="guide-title" className="guide-title">
        {entry.title}
      </h2>
      <p className="guide-idea">{entry.idea}</p>
      {entry.inProduction && (
        <InProductionNote production={entry.inProduction} className="guide-production" />
      )}
      <p className="guide-mode muted">{topologyOf(entry.scenario).guideModeText(entry.scenario)}</p>
      <GuideSteps entry={entry} />
      <p className="guide-again">
        <a
          href={again}
          onClick={(event) => {
            event.preventDefault();
            openLink(again, location);
          }}
        >
          Start over in a fresh run
        </a>
      </p>
      <GuideFooter entry={entry} />
    </section>
  );
}
