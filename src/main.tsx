// Entry point: start a run and render its page — or, for `?compare=1`, the
// comparison page, whose frames start their own runs and which must not start
// one itself (nor does interview mode, `?interview=1`, whose links open runs).
// Which run and page is the topology registry's answer for the link's
// scenario. Whatever fails while starting, the page says why instead of
// going blank.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { scenarioFromUrl } from './runtime/scenarioOptions';
import { topologyOf } from './runtime/topologies';
import { pageMode } from './ui/present/pageMode';
import { rememberLanding } from './ui/start/landing';

// Before the run writes its `run=` into the address: a bare address is a first visit's (the start card).
rememberLanding(window.location);
const root = createRoot(document.getElementById('root')!);
const mode = pageMode(window.location.search);
// Every page is loaded only when asked for: the default page starts sooner.
if (mode === 'compare') {
  void import('./ui/compare/ComparePage').then(({ ComparePage }) =>
    root.render(
      <StrictMode>
        <ComparePage search={window.location.search} />
      </StrictMode>,
    ),
  );
} else if (mode === 'interview') {
  void import('./ui/interview/InterviewPage').then(({ InterviewPage }) =>
    root.render(
      <StrictMode>
        <InterviewPage />
      </StrictMode>,
    ),
  );
} else {
  void topologyOf(scenarioFromUrl(window.location).scenario)
    .open(window.location, mode)
    .then((page) => root.render(<StrictMode>{page}</StrictMode>));
}
