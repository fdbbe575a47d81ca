// Entry point: start a run (the conductor and its workers) and render the app —
// or, for `?compare=1`, the comparison page, whose frames start their own runs
// and which must not start one itself. Whatever fails while starting, the page
// says why instead of going blank.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Controller } from './runtime/controller';
import { boot } from './runtime/boot';
import { App } from './ui/App';
import { EsApp } from './ui/EsApp';
import { startEsRun, wantsEventSourcing } from './runtime/es/bootEs';
import { ComparePage } from './ui/compare/ComparePage';
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
if (mode === 'compare') {
  root.render(
    <StrictMode>
      <ComparePage search={window.location.search} />
    </StrictMode>,
  );
} else if (wantsEventSourcing(window.location)) {
  // An event-sourced run has its own processes, conductor and page.
  void startEsRun(window.location).then((controller) =>
    root.render(
      <StrictMode>
        <EsApp controller={controller} />
      </StrictMode>,
    ),
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
