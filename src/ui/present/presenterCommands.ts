// What each presenter key does, against the controller and the stores. A
// command that cannot run now (a step in a live run, a crash with nothing
// selected) or that fails says so through `say`, in words for the audience;
// it never throws, so a stray key press cannot break a talk.

import type { ProcessName } from '../../core/telemetry';
import type { Controller } from '../../runtime/controller';
import { errorText } from '../store/connect';
import { waitingCheckpoint, type NarrativeState } from '../store/narrativeStore';
import type { PlaygroundState } from '../store/playgroundStore';
import type { ViewState } from '../store/viewStore';
import { selectionTargets, selectKeysLabel, type PresenterAction } from './keyMap';

export interface Feedback {
  text: string;
  /** False when the command was refused or failed. */
  ok: boolean;
}

export type PresenterController = Pick<
  Controller,
  'play' | 'pause' | 'step' | 'runToEnd' | 'crashNow' | 'restart' | 'placeOrder' | 'processNames' | 'mode'
>;

/** Read at the moment of the key press, so a command sees the state the audience sees. */
export interface PresenterDeps {
  controller: PresenterController;
  playground(): Pick<PlaygroundState, 'playing' | 'sim' | 'processes' | 'setPlaying'>;
  /** `started` and `activity` where the guide keeps them: before Start, `n` starts; while a step's action runs, it waits. */
  narrative(): Pick<NarrativeState, 'step' | 'length' | 'next' | 'previous'> & {
    started?: boolean;
    activity?: unknown;
  } & Partial<Pick<NarrativeState, 'reached' | 'checkpoints' | 'answers' | 'answer'>>;
  view(): Pick<ViewState, 'selectedProcess' | 'selectProcess' | 'sideCollapsed' | 'setSideCollapsed'>;
}

type Say = (feedback: Feedback) => void;
type Command = (deps: PresenterDeps, say: Say) => unknown;

const done = (text: string): Feedback => ({ text, ok: true });
const refused = (text: string): Feedback => ({ text, ok: false });

/** Deterministic-only commands answer in words when the run is live or has nothing left. */
function whyNotDeterministic({ controller, playground }: PresenterDeps): string | null {
  if (controller.mode !== 'deterministic')
    return 'This run is live: steps are granted one by one only in a deterministic run.';
  if (playground().sim?.done) return 'Nothing is left to do: the run is at its end.';
  return null;
}

function whyNotNarrative(narrative: ReturnType<PresenterDeps['narrative']>): string | null {
  if (narrative.length === 0) return 'This scenario has no narrative.';
  if (narrative.activity) return "Wait: this step's action is still running.";
  return null;
}

/** The checkpoint the step on show waits on, when the deps carry the guide's questions. */
function waiting(narrative: ReturnType<PresenterDeps['narrative']>): number | null {
  const { started, reached, checkpoints, answers } = narrative;
  if (started === undefined || reached === undefined || !checkpoints || !answers) return null;
  return waitingCheckpoint({ started, step: narrative.step, reached, checkpoints, answers });
}

function statusOf(deps: PresenterDeps, process: ProcessName): string {
  return (
    deps.playground().processes[process as keyof PlaygroundState['processes']]?.status ?? 'not in this run'
  );
}

function selected(deps: PresenterDeps, say: Say): ProcessName | null {
  const process = deps.view().selectedProcess;
  if (!process)
    say(
      refused(
        `Select a service first: keys ${selectKeysLabel(selectionTargets(deps.controller.processNames))}.`,
      ),
    );
  return process;
}

const COMMANDS: Record<Exclude<PresenterAction['kind'], 'select' | 'help' | 'close'>, Command> = {
  'toggle-play': (deps, say) => {
    const state = deps.playground();
    const playing = !state.playing;
    if (playing) deps.controller.play();
    else deps.controller.pause();
    state.setPlaying(playing);
    say(done(playing ? '▶ Playing' : '❚❚ Paused'));
  },
  step: async (deps, say) => {
    const why = whyNotDeterministic(deps);
    if (why) return say(refused(why));
    await deps.controller.step();
    say(done('One step granted'));
  },
  'run-to-end': async (deps, say) => {
    const why = whyNotDeterministic(deps);
    if (why) return say(refused(why));
    say(done('Running to the end…'));
    await deps.controller.runToEnd();
    say(done('The run is at its end'));
  },
  next: (deps, say) => {
    const narrative = deps.narrative();
    const why = whyNotNarrative(narrative);
    if (why) return say(refused(why));
    if (narrative.started === false) {
      narrative.next(); // starts the narrative at its first step
      return say(done(`Narrative step 1 / ${narrative.length}`));
    }
    if (waiting(narrative) !== null)
      return say(refused('A question is on show: let the room vote, then v reveals the answer.'));
    if (narrative.step >= narrative.length - 1) return say(refused('Already at the last narrative step.'));
    narrative.next();
    say(done(`Narrative step ${narrative.step + 2} / ${narrative.length}`));
  },
  previous: (deps, say) => {
    const narrative = deps.narrative();
    const why = whyNotNarrative(narrative);
    if (why) return say(refused(why));
    if (narrative.step <= 0) return say(refused('Already at the first narrative step.'));
    narrative.previous();
    say(done(`Narrative step ${narrative.step} / ${narrative.length}`));
  },
  reveal: (deps, say) => {
    const narrative = deps.narrative();
    const why = whyNotNarrative(narrative);
    if (why) return say(refused(why));
    const index = waiting(narrative);
    if (index === null || !narrative.answer) return say(refused('No question is waiting for an answer.'));
    narrative.answer(index, 'room');
    say(done('Revealing: the step runs, then the canvas shows which answer held'));
  },
  crash: (deps, say) => {
    const process = selected(deps, say);
    if (!process) return;
    const status = statusOf(deps, process);
    if (status !== 'running') return say(refused(`${process} is ${status}: there is nothing to crash.`));
    deps.controller.crashNow(process);
    say(done(`${process} crashed`));
  },
  restart: async (deps, say) => {
    const process = selected(deps, say);
    if (!process) return;
    const status = statusOf(deps, process);
    if (status !== 'crashed')
      return say(refused(`${process} is ${status}: only a crashed service restarts.`));
    say(done(`Restarting ${process}…`));
    await deps.controller.restart(process);
    say(done(`${process} restarted: it recovers from its own database`));
  },
  order: async (deps, say) => {
    const placed = deps.controller.placeOrder();
    // In a deterministic run the order waits for its step: say so now rather than when it lands.
    say(
      done(
        deps.controller.mode === 'deterministic'
          ? 'Order requested: it is placed at its step'
          : 'Placing an order…',
      ),
    );
    say(done(`Order ${await placed} placed`));
  },
  fold: (deps, say) => {
    const view = deps.view();
    view.setSideCollapsed(!view.sideCollapsed);
    say(done(view.sideCollapsed ? 'Side panel shown' : 'Side panel folded'));
  },
};

function select(deps: PresenterDeps, say: Say, slot: number): void {
  const target = selectionTargets(deps.controller.processNames)[slot - 1];
  if (!target) return say(refused(`Key ${slot} selects nothing in this run.`));
  deps.view().selectProcess(target);
  say(done(`${target} selected: c crashes it, r restarts it`));
}

const FAILED: Record<string, string> = {
  'toggle-play': 'Play/pause',
  step: 'Step',
  'run-to-end': 'Run to end',
  crash: 'Crash',
  restart: 'Restart',
  order: 'Placing an order',
};

/** Runs one presenter command; resolves once it has finished, whatever happened. `help` and `close` belong to the dialog. */
export async function runPresenterAction(
  action: PresenterAction,
  deps: PresenterDeps,
  say: Say,
): Promise<void> {
  try {
    if (action.kind === 'select') return select(deps, say, action.slot);
    if (action.kind === 'help' || action.kind === 'close') return;
    await COMMANDS[action.kind](deps, say);
  } catch (err) {
    say(refused(`${FAILED[action.kind] ?? action.kind} failed: ${errorText(err)}`));
  }
}
