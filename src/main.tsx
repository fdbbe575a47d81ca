// Entry point: start a run (the conductor and its workers) and render the app —
// or, for `?compare=1`, the comparison page, whose frames start their own runs
// and which must not start one itself. Whatever fails while starting, the page
// says why instead of going blank.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Controller } from './runtime/controller';
import { boot } from './runtime/boot';
import { App } from './ui/App';
import { scenarioFromUrl } from './runtime/scenarioOptions';
import { pageMode } from './ui/present/pageMode';
import { unavailableController } from './ui/unavailableController';

async function startRun(): Promise<Controller> {
  try {
    const { conductor, started } = await boot(window.location);
    // A failed start is already an error event the UI shows; this keeps the console honest too.
    started.catch((err: unknown) => console.error('The playground did not start', err));
    return conductor;
  } catch (err) {
    console.error('The playground could not be loaded', err);
    return unavailableController(err);
  }
}

const root = createRoot(document.getElementById('root')!);
const mode = pageMode(window.location.search);
// The compare page, the event-sourced and the CDC runs are loaded only when asked for: the default page starts sooner.
if (mode === 'compare') {
  void import('./ui/compare/ComparePage').then(({ ComparePage }) =>
    root.render(
      <StrictMode>
        <ComparePage search={window.location.search} />
      </StrictMode>,
    ),
  );
} else if (scenarioFromUrl(window.location).scenario.topology === 'cdc') {
  // A change-data-capture run: the legacy listings service, the connector, the broker and a search read model.
  void Promise.all([import('./runtime/cdc/bootCdc'), import('./ui/CdcApp')]).then(
    async ([{ startCdcRun }, { CdcApp }]) => {
      const controller = await startCdcRun(window.location);
      root.render(
        <StrictMode>
          <CdcApp controller={controller} />
        </StrictMode>,
      );
    },
  );
} else if (scenarioFromUrl(window.location).scenario.topology === 'event-sourced') {
  // An event-sourced run has its own processes, conductor and page.
  void Promise.all([import('./runtime/es/bootEs'), import('./ui/EsApp')]).then(
    async ([{ startEsRun }, { EsApp }]) => {
      const controller = await startEsRun(window.location);
      root.render(
        <StrictMode>
          <EsApp controller={controller} />
        </StrictMode>,
      );
    },
  );
} else {
  void startRun().then((controller) =>
    root.render(
      <StrictMode>
        <App controller={controller} chrome={mode} />
      </StrictMode>,
    ),
  );
}
