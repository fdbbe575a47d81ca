// Whether a guide step's beat has come, read off the run as it is between two
// steps: a process's status for a crash or a restart, the databases for an
// order placed or an outbox row committed or published. Pure over what it is
// given, so the same test runs against the page's controller and a Node run.

import type { Beat } from '../../core/scenario/library';
import type { OutboxRow, ServiceName, TableDump } from '../../core/rows';
import type { ProcessName } from '../../core/telemetry';
import type { ProcessStatus } from '../../runtime/controller';

/** What a beat reads of a run. */
export interface BeatReads {
  status(process: ProcessName): ProcessStatus;
  /** Every service's database as it stands now (a down service's read from its storage). */
  snapshot(): Promise<{ services: Partial<Record<ServiceName, TableDump>> }>;
}

export interface BeatWatch {
  /** Whether the beat has come, as the run stands now. */
  reached(): Promise<boolean>;
  /** Set when there is nothing this beat could wait for (no pending row to publish): why, for the guide. */
  nothingToWaitFor?: string;
}

const outboxOf = (dumps: Partial<Record<ServiceName, TableDump>>, service: ServiceName) =>
  (dumps[service]?.outbox ?? []) as unknown as OutboxRow[];

/** Starts watching for `beat` from where the run stands now: beats that count something count from here. */
export async function watchBeat(beat: Beat, reads: BeatReads): Promise<BeatWatch> {
  switch (beat.kind) {
    case 'crash':
      return { reached: async () => reads.status(beat.process) === 'crashed' };
    case 'restart':
      return { reached: async () => reads.status(beat.process) === 'running' };
    case 'placed': {
      const count = async () => (await reads.snapshot()).services.order?.orders?.length ?? 0;
      const before = await count();
      return { reached: async () => (await count()) > before };
    }
    case 'emitted': {
      const count = async () =>
        outboxOf((await reads.snapshot()).services, beat.service).filter((r) => r.type === beat.type).length;
      const before = await count();
      return { reached: async () => (await count()) > before };
    }
    case 'published': {
      // The rows waiting now, by id: rows committed while the step runs are not what the narrative points at.
      const rows = async () => outboxOf((await reads.snapshot()).services, beat.service);
      const waiting = new Set((await rows()).filter((r) => r.published_at == null).map((r) => r.id));
      return {
        reached: async () =>
          (await rows()).filter((r) => waiting.has(r.id) && r.published_at != null).length === waiting.size,
        nothingToWaitFor: waiting.size
          ? undefined
          : `${beat.service}’s outbox had no pending row to publish.`,
      };
    }
  }
}
