// The Guide tab: the library scenario this run tells — its idea, its steps
// with what to watch, Start / Next step / Previous, and at the end the
// checker's verdict beside what the scenario expects.

import type { LibraryEntry } from '../../core/scenario/library';
import type { Scenario } from '../../core/scenario/scenario';
import { openLink } from '../export/shareBase';
import { entryHref, pageBase } from '../library/libraryLinks';
import { GuideFooter } from './GuideFooter';
import { GuideSteps } from './GuideSteps';
import '../styles/library.css';

/** How far the viewer can expect each showing to look the same. */
function modeSentence(scenario: Scenario): string {
  if (scenario.topology === 'event-sourced')
    return 'An event-sourced run: three real workers, each with its own IndexedDB, so timings differ from one showing to the next; the events do not.';
  if (scenario.topology === 'cdc')
    return 'A change-data-capture run: four real workers, each with its own IndexedDB, so batch sizes and timings differ from one showing to the next; what reaches the read model does not.';
  return scenario.mode === 'deterministic'
    ? 'A deterministic run: nothing moves until a step is granted, so each step below shows the same thing every time.'
    : 'A live run: every service runs on its own, so timings differ from one showing to the next.';
}

export function GuidePanel({ entry }: { entry: LibraryEntry }) {
  const again = entryHref(pageBase(location), entry);
  return (
    <section className="panel guide" aria-labelledby="guide-title">
      <p className="guide-section">{entry.section}</p>
      <h2 id="guide-title" className="guide-title">
        {entry.title}
      </h2>
      <p className="guide-idea">{entry.idea}</p>
      <p className="guide-mode muted">{modeSentence(entry.scenario)}</p>
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
