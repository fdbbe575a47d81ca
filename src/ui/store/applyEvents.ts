// The pure reducer: a batch of conductor events in, the next UI state out.
// Nothing here reads the clock or the store; `now` stamps log entries.

import type { ServiceName } from '../../core/rows';
import type { ConductorEvent } from '../../runtime/controller';
import type { ProcessName } from '../../core/telemetry';
import { shortId } from '../format';
import { emptyActivity, ERROR_LIMIT, LOG_LIMIT, STARTING } from './initialState';
import { mirrorWriter } from './mirror';
import { onCrashed, onProcessEvent, onReady, type Transition } from './processes';
import { sagaLogLines } from './sagaLog';
import { firedLogText, playingAfter, withFired } from './simEvents';
import { DUPLICATES_META_KEY } from './schema';
import type { ErrorEntry, LogEntry, LogKind, PlaygroundData, ServiceActivity } from './types';

export function applyEvents(
  state: PlaygroundData,
  events: readonly ConductorEvent[],
  now: number,
): PlaygroundData {
  if (events.length === 0) return state;
  const mirror = mirrorWriter(state.mirror, state.trims);
  let processes = state.processes;
  let services = state.activity.services;
  let broker = state.broker;
  let seq = state.seq;
  let { anomalies, anomalyCheck, playing, timing, sim, faultPlan, faultsFired, guards, workshop } = state;
  const newLog: LogEntry[] = [];
  const newErrors: ErrorEntry[] = [];

  const log = (kind: LogKind, process: ProcessName | null, text: string) =>
    newLog.push({ seq: seq++, at: now, kind, process, text });
  const bump = (service: ServiceName, patch: (a: ServiceActivity) => Partial<ServiceActivity>) => {
    const current = services[service] ?? emptyActivity();
    services = { ...services, [service]: { ...current, ...patch(current) } };
  };
  // A process the UI did not know at start-up (a newer runtime) begins as 'starting'.
  const prev = (name: ProcessName) => processes[name] ?? STARTING;
  const move = (name: ProcessName, t: Transition) => {
    processes = { ...processes, [name]: t.next };
    if (t.log) log(t.log.kind, name, t.log.text);
  };

  for (const e of events) {
    switch (e.kind) {
      case 'hydrate': {
        mirror.hydrate(e.service, e.tables);
        const metaRow = e.tables.meta?.find((r) => r.key === DUPLICATES_META_KEY);
        bump(e.service, () => ({
          duplicatesAtHydrate: Number(metaRow?.value ?? 0),
          duplicatesSinceHydrate: 0,
        }));
        break;
      }
      case 'commit':
        if (e.service === 'orchestrator') {
          const sagas = mirror.result().orchestrator?.sagas;
          for (const text of sagaLogLines(e.changes, (id) => sagas?.get(id)?.status))
            log('saga', 'orchestrator', text);
        }
        mirror.commit(e.service, e.changes);
        break;
      case 'published':
        bump(e.service, (a) => ({ published: a.published + e.count }));
        break;
      case 'relay':
        bump(e.service, () => ({ relay: e.stats }));
        break;
      case 'relay-warning':
        log('relay-warning', e.service, e.warning);
        break;
      case 'delivered':
        bump(e.service, (a) => ({ delivered: a.delivered + e.count }));
        break;
      case 'duplicate':
        bump(e.service, (a) => ({
          duplicates: a.duplicates + 1,
          duplicatesSinceHydrate: a.duplicatesSinceHydrate + 1,
        }));
        log('duplicate', e.service, `${e.service} skipped duplicate ${e.type} (${shortId(e.messageId)})`);
        break;
      case 'broker-duplicate':
        // Counted by the broker's own figures (its node); the log says which republish it dropped.
        log(
          'duplicate',
          e.service,
          `the broker dropped ${e.service}'s republish of ${e.type} (${shortId(e.messageId)}): it has it at offset ${e.offset}`,
        );
        break;
      case 'handler-failed':
        bump(e.service, (a) => ({ handlerFailures: a.handlerFailures + 1 }));
        log('handler-failed', e.service, `${e.service} failed to handle ${e.type}: ${e.error}`);
        break;
      case 'publish-lost':
        bump(e.service, (a) => ({ publishLost: a.publishLost + e.types.length }));
        log(
          'handler-failed',
          e.service,
          `${e.service} lost ${e.types.join(', ')}: committed, but the broker never got it (${e.error})`,
        );
        break;
      case 'dead-lettered':
        log('dead-lettered', null, `${e.type} from ${e.topic} dead-lettered for ${e.group}: ${e.error}`);
        break;
      case 'broker':
        broker = e.stats;
        break;
      case 'crashed':
        move(e.process, onCrashed(e.process, prev(e.process), e.point));
        break;
      case 'ready':
        move(e.process, onReady(e.process, prev(e.process)));
        break;
      case 'process':
        move(e.process, onProcessEvent(e.process, prev(e.process), e.status, e.armed));
        break;
      case 'error':
        newErrors.push({ seq, at: now, code: e.code, message: e.message });
        log('error', null, `${e.code}: ${e.message}`);
        break;
      case 'paused':
        playing = !e.paused;
        break;
      case 'timing':
        timing = e.timing;
        break;
      case 'anomalies':
        anomalies = e.anomalies;
        anomalyCheck = { at: now, settled: e.settled };
        break;
      case 'broker-commit':
      case 'broker-hydrate':
        // The broker's own transactions are for the run's history; the canvas reads its stats and dump.
        break;
      case 'broker-fault':
        // The raw trigger: the conductor's ledger reports it as 'fault-fired', with the plan's index.
        break;
      case 'sim':
        sim = e.sim;
        playing = playingAfter(e.sim, playing);
        break;
      case 'fault-plan':
        faultPlan = e.plan;
        break;
      case 'guards':
        guards = e.guards;
        break;
      case 'workshop':
        workshop = e;
        break;
      case 'fault-fired': {
        const entry = { index: e.index, description: e.description, at: e.at, step: e.step };
        const next = withFired(faultsFired, entry);
        if (next !== faultsFired) log('fault', null, firedLogText(entry));
        faultsFired = next;
        break;
      }
      default:
        unhandled(e);
    }
  }

  const activity =
    services === state.activity.services && newLog.length === 0
      ? state.activity
      : {
          services,
          log: newLog.length ? [...state.activity.log, ...newLog].slice(-LOG_LIMIT) : state.activity.log,
        };
  const errors = newErrors.length ? [...state.errors, ...newErrors].slice(-ERROR_LIMIT) : state.errors;
  return {
    ...state,
    mirror: mirror.result(),
    trims: mirror.trims(),
    processes,
    broker,
    activity,
    errors,
    anomalies,
    anomalyCheck,
    playing,
    timing,
    sim,
    faultPlan,
    faultsFired,
    guards,
    workshop,
    seq,
  };
}

/** A new kind of event in the contract must be handled above: the call stops compiling until it is. */
function unhandled(_event: never): void {}
