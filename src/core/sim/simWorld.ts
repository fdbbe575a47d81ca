// What a deterministic run is made of, for any topology: a "sim world" offers
// the steps that could run now (each named by a stable key) and the deadlines
// that could enable more; the scheduler picks one and the world runs it.
// Pure types and small helpers: no topology, storage or host in here.

/** One step a world offers. Its key names it in the trace and orders the offer before the PRNG picks. */
export interface SimStep {
  key: string;
  /** Relative chance of being picked (a slow consumer's deliveries weigh less); 1 when absent. */
  weight?: number;
  /** Performs the step at simulation time `at`; resolves with what it did, once its effects are durable. */
  run(at: number): Promise<string>;
}

export interface SimOffer {
  steps: SimStep[];
  /** Simulation times at which something not offered now becomes due (a timer, a planned comeback). */
  timers: number[];
}

export interface SimWorld {
  /** The steps enabled at simulation time `time`. */
  offer(time: number): Promise<SimOffer>;
  isUp(process: string): boolean;
  /** A command someone asked for during the run, run as its own step (it throws if it failed). */
  command(process: string, name: string, input: unknown, at: number): Promise<string>;
}

/**
 * Runs one step's work; a step whose process died doing it reads "crashed", one that threw otherwise
 * "failed: …" — the same wording on every host, so traces compare.
 */
export async function outcome(isUp: () => boolean, work: () => Promise<string>): Promise<string> {
  try {
    return await work();
  } catch (error) {
    if (!isUp()) return 'crashed';
    return `failed: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** True when a step's result says it did not happen. */
export const failedOutcome = (result: string): boolean =>
  result.startsWith('failed: ') || result === 'crashed';

/** How a world restarts its processes and whether a planned outage still holds one down. */
export interface Restarts {
  processes: readonly string[];
  isUp(process: string): boolean;
  restart(process: string, at: number): Promise<void>;
  /** Simulation time before which a crashed process may not come back; 0 or absent: any time. */
  comesBackAt?(process: string): number;
}

/** Every topology's first offer: each process that is down comes back (or its comeback is a timer). */
export function restartOffer(r: Restarts, time: number, offer: SimOffer): void {
  for (const process of r.processes) {
    if (r.isUp(process)) continue;
    const back = r.comesBackAt?.(process) ?? 0;
    if (back > time) offer.timers.push(back);
    else
      offer.steps.push({
        key: `restart ${process}`,
        async run(at) {
          try {
            await r.restart(process, at);
            return 'recovered';
          } catch (error) {
            return r.isUp(process) ? `failed: ${String(error)}` : 'crashed';
          }
        },
      });
  }
}
