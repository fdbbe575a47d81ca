// Reading a shop run's state across its processes: every database (from its
// process, or straight from IndexedDB while it is down) and what is still
// owed before the run is quiet.

import type { BrokerDump } from '../core/broker/dump';
import type { LogRow } from '../core/broker/brokerDb';
import type { ServiceName, TableDump } from '../core/rows';
import type { ProcessName } from '../core/telemetry';
import type { ProcessHandle } from './processHandle';
import { PlaygroundError } from './errors';
// Loaded on first use: only a crashed process's database is read from the page, and Dexie need not be in its first download.
const readDown = () => import('./readDown');

export interface Snapshot {
  /** Every service of the run; `orchestrator` only when the saga is orchestrated. */
  services: Record<Exclude<ServiceName, 'orchestrator'>, TableDump> & { orchestrator?: TableDump };
  broker: BrokerDump;
}

export interface RunProcesses {
  runId: string;
  services: ServiceName[];
  processNames: ProcessName[];
  proc(name: ProcessName): ProcessHandle;
  /** A workshop's services that other browsers run: their tables are in their owners' browsers, not here. */
  remote?: ReadonlySet<ServiceName>;
}

export async function snapshotOf({ runId, services, proc, remote }: RunProcesses): Promise<Snapshot> {
  const read = (s: ServiceName) => {
    if (proc(s).alive) return proc(s).call<TableDump>('dump');
    if (remote?.has(s))
      return Promise.reject(
        new PlaygroundError(
          'PROCESS_DOWN',
          `${s}: its tables are in the browser that runs it, which is not connected`,
        ),
      );
    return readDown().then((r) => r.readServiceDb(runId, s));
  };
  const dumps = Object.fromEntries(
    await Promise.all(services.map(async (s) => [s, await read(s)] as const)),
  ) as Snapshot['services'];
  const broker = proc('broker').alive
    ? await proc('broker').call<BrokerDump>('dump')
    : await (await readDown()).readBrokerDb(runId);
  return { services: dumps, broker };
}

export function brokerLogOf({ runId, proc }: RunProcesses): Promise<LogRow[]> {
  return proc('broker').alive
    ? proc('broker').call<LogRow[]>('log')
    : readDown().then((r) => r.readBrokerLog(runId));
}

/** What is still owed: a description of the first thing found, or null when quiet. */
export async function owedBy({ services, processNames, proc }: RunProcesses): Promise<string | null> {
  for (const name of processNames) if (!proc(name).alive) return `${name} is ${proc(name).status}`;
  const broker = await proc('broker').call<{ lag: number; pendingWrites: number }>('status');
  if (broker.lag || broker.pendingWrites)
    return `broker: ${broker.lag} records unacknowledged, ${broker.pendingWrites} writes pending`;
  for (const name of services) {
    const s = await proc(name).call<{ unpublished: number; busy: number; timers: number }>('status');
    if (s.unpublished || s.busy || s.timers)
      return `${name}: ${s.unpublished} outbox rows unpublished, ${s.busy} steps running, ${s.timers} timers set`;
  }
  return null;
}
