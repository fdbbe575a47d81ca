// Starts a run for the page, whatever its topology: claims the run the link
// names (or a fresh one, written back into the URL so a reload resumes it),
// creates the topology's conductor from the link's scenario, starts its
// workers in the background and installs its window.playground — and, when
// even that fails, gives the one stand-in controller that says why.

import type { Topology } from '../core/scenario/scenario';
import type { ConductorOptions } from './run/Conductor';
import { claimRun, claimWorkshopRun } from './runClaim';
import { scenarioFromUrl } from './scenarioOptions';
import type { RunPlaygroundApi } from './topologies';
import { unavailableRun } from './unavailableRun';
import { forkFromUrl, type ForkChange } from './forkLink';

export interface Bootable {
  start(): Promise<void>;
  dispose(): void;
  reportLinkError(message: string): void;
  /** Fork from here: makes the fork's change where the run stands now (see forkLink.ts). */
  forkWith(change: ForkChange): Promise<void>;
}

/** How a topology's run is made: `Ctl` is what its page talks to, `C` its conductor. */
export interface RunKit<Ctl, C extends Ctl & Bootable> {
  topology: Topology;
  /** The run, as the console names it ("The CDC run"). */
  name: string;
  create(options: ConductorOptions): C;
  api(conductor: C, started: Promise<void>): RunPlaygroundApi;
}

export async function boot<Ctl, C extends Ctl & Bootable>(
  location: Location,
  kit: RunKit<Ctl, C>,
): Promise<{ conductor: C; started: Promise<void>; resumed: boolean }> {
  const { scenario, linkError } = scenarioFromUrl(location);
  const { runId, resumed } = scenario.run
    ? await claimWorkshopRun(scenario.run)
    : await claimRun(new URLSearchParams(location.search).get('run'));
  const conductor = kit.create({ scenario, runId, resumed });
  if (linkError) conductor.reportLinkError(linkError);
  const url = new URL(location.href);
  url.searchParams.set('run', runId);
  // The page runs the default scenario instead of a bad link: drop the link, so a reload does not trip on it again.
  if (linkError) url.hash = '';
  history.replaceState(history.state, '', url);
  const fork = forkFromUrl(location.search, scenario);
  if (fork.error) conductor.reportLinkError(fork.error);
  // A fresh fork makes its change once the run stands at the link's step. A resumed one starts again from the
  // link's plan and settings, as every resumed run does, so its change is made again where it resumes.
  const change = fork.change;
  const started = conductor.start().then(() => {
    if (!change) return;
    return conductor
      .forkWith(change)
      .catch((error: Error) =>
        conductor.reportLinkError(`the fork’s change could not be made: ${error.message}`),
      );
  });
  window.playground = kit.api(conductor, started);
  window.addEventListener('pagehide', () => conductor.dispose());
  return { conductor, started, resumed };
}

/** The controller the page renders: the run's conductor, or — when even claiming a run failed — the stand-in that says why. */
export async function startRun<Ctl, C extends Ctl & Bootable>(
  location: Location,
  kit: RunKit<Ctl, C>,
): Promise<Ctl> {
  try {
    const { conductor, started } = await boot(location, kit);
    // A failed start is already an error event the UI shows; this keeps the console honest too.
    started.catch((err: unknown) => console.error(`${kit.name} did not start`, err));
    return conductor;
  } catch (err) {
    console.error(`${kit.name} could not be loaded`, err);
    return unavailableRun<Ctl>(kit.topology, err);
  }
}
