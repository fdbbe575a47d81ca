// A deterministic step in words an audience reads: the trace's line ("payment
// takes order-events#0 → 3:OrderCreated:evt-8fb1…") becomes "payment received
// OrderCreated for o-af29". The trace keeps its own wording (it is hashed and
// compared across hosts); this only reads it. Pure.

import { shortId } from '../format';

/** The order (or other aggregate) an event is about, when the page still holds its outbox row. */
export type SubjectOf = (eventId: string) => string | undefined;

const CONSUME = /^(\S+) takes (\S+)#\d+$/;
const RELAY = /^(\S+) relays its outbox$/;
const TIMERS = /^(\S+) checks its timers$/;
const RESTART = /^restart (\S+)$/;
const PLACE = /^place order #(\d+)$/;
const CLOCK = /^clock jumps to (\d+) ms$/;

/** `what → result`, as the step driver reports the last step. */
export function plainStep(lastStep: string, subjectOf: SubjectOf): string {
  const arrow = lastStep.indexOf(' → ');
  if (arrow < 0) return lastStep;
  const what = lastStep.slice(0, arrow);
  const result = lastStep.slice(arrow + 3);
  const said = saidOf(what, result, subjectOf);
  if (result === 'crashed') return `${said ?? what}, and crashes doing it`;
  if (result.startsWith('failed: ')) return `${said ?? what}, and fails (${result.slice(8)})`;
  return said ?? lastStep;
}

function saidOf(what: string, result: string, subjectOf: SubjectOf): string | null {
  const failed = result === 'crashed' || result.startsWith('failed: ');
  let m: RegExpExecArray | null;
  if ((m = CONSUME.exec(what))) {
    const [, service, topic] = m;
    if (failed) return `${service} takes a message from ${topic}`;
    if (result === 'nothing to fetch') return `${service} finds nothing new on ${topic}`;
    if (result.startsWith('held back'))
      return `${service}'s delivery from ${topic} is held back by a delay fault`;
    return `${service} received ${received(result, subjectOf)}`;
  }
  if ((m = RELAY.exec(what))) {
    const n = Number(/^published (\d+)$/.exec(result)?.[1]);
    if (failed || !Number.isFinite(n)) return `${m[1]}'s relay publishes its outbox`;
    return n
      ? `${m[1]}'s relay published ${n === 1 ? 'an event' : `${n} events`}`
      : `${m[1]}'s relay finds nothing to publish`;
  }
  if ((m = TIMERS.exec(what))) return `${m[1]} checks its saga deadlines`;
  if ((m = RESTART.exec(what)))
    return failed ? `${m[1]} restarts` : `${m[1]} restarts and reads its database back`;
  if ((m = PLACE.exec(what))) return `order #${m[1]} is placed`;
  if ((m = CLOCK.exec(what))) return `nothing can run: the clock jumps to ${Number(m[1]) / 1000} s`;
  return null;
}

/** "3:OrderCreated:evt-…,4:PaymentCharged:evt-… twice" → "OrderCreated for o-af29 and PaymentCharged for o-ed32 (twice)". */
function received(result: string, subjectOf: SubjectOf): string {
  const twice = result.endsWith(' twice');
  const records = (twice ? result.slice(0, -6) : result).split(',').map((record) => {
    const [, type, id] = record.split(':');
    const subject = id ? subjectOf(id) : undefined;
    return subject ? `${type} for ${shortId(subject)}` : (type ?? record);
  });
  const listed =
    records.length > 2
      ? `${records.slice(0, 2).join(', ')} and ${records.length - 2} more`
      : records.join(' and ');
  return twice ? `${listed}, delivered twice` : listed;
}
