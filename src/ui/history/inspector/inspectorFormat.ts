// What the inspector says about an inspection, as text: the item's envelope
// on the wire (CloudEvents for an outbox row or a broker record, Debezium for
// a captured change), when it was committed, each causal link's label, the
// order it belongs to, and the moment a link's click moves the page to. Pure.

import { toChangeRecord, type ChangeRow } from '../../../core/cdc/changeEvent';
import type { CloudEvent } from '../../../core/envelope';
import type { OutboxRow } from '../../../core/rows';
import { toMessage } from '../../../core/service/relay';
import type { CausalLink, Inspection } from '../../../runtime/historyReads';
import { envelopeJson } from '../../cdc/cdcFormat';
import type { InspectTarget } from '../historyViewStore';
import type { ViewedMoment } from '../momentStore';

export interface Envelope {
  title: string;
  json: string;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The envelope the item travels in, or null for a row that never leaves its database. */
export function envelopeOf(inspection: Pick<Inspection, 'kind' | 'service' | 'item'>): Envelope | null {
  const { kind, service, item } = inspection;
  if (!isObject(item)) return null;
  if (kind === 'outbox' && typeof item.id === 'string')
    return {
      title: 'CloudEvents envelope, as the relay publishes it',
      json: JSON.stringify(toMessage(service, item as unknown as OutboxRow).event, null, 2),
    };
  if (kind === 'record' && isObject(item.event))
    return { title: 'CloudEvents envelope', json: JSON.stringify(item.event, null, 2) };
  if (kind === 'change' && 'source' in item && typeof item.seq === 'number')
    return {
      title: 'Debezium envelope (the record’s value)',
      json: envelopeJson(toChangeRecord(item as unknown as ChangeRow).value),
    };
  return null;
}

/** The item's fields, pretty-printed. */
export function itemJson(item: unknown): string {
  return item === undefined ? 'undefined' : JSON.stringify(item, null, 2);
}

/** A simulation time: a live run's clock reads as wall time, a stepped run's from 0 as seconds. */
export function timeText(at: number): string {
  if (at >= 1e11) {
    const d = new Date(at);
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
  }
  return `${(at / 1000).toFixed(3)} s`;
}

export function committedText(committed: Inspection['committed']): string {
  if (!committed) return 'No recorded transaction wrote it (it was there when the history began).';
  const time = `time ${timeText(committed.at)}`;
  return committed.step === null ? `Committed at ${time}` : `Committed at step ${committed.step} · ${time}`;
}

/** What a causal link's button says: what it is, whose, its id, and why it is linked. */
export function linkLabel(link: CausalLink): string {
  return `${link.kind} · ${link.service} · ${link.id} — ${link.via}`;
}

/** The inspector's target for a link: its service named, since an id alone may be two rows. */
export function linkTarget(link: CausalLink): InspectTarget {
  return { kind: link.kind, service: link.service, id: link.id };
}

/** The kind as inspect() is asked for it: `payment/inbox` when the target names its service. */
export function inspectKind(target: InspectTarget): string {
  return target.service ? `${target.service}/${target.kind}` : target.kind;
}

/** The moment the page moves to for an item: when it was committed. */
export function momentOfCommit(committed: Inspection['committed']): ViewedMoment | null {
  return committed ? { time: committed.at, step: committed.step } : null;
}

/** The order (or saga) the item belongs to, if it carries a correlation id. */
export function correlationOf(inspection: Pick<Inspection, 'kind' | 'item'>): string | null {
  const item = inspection.item;
  if (!isObject(item)) return null;
  const event = isObject(item.event) ? (item.event as unknown as CloudEvent) : null;
  const id =
    item.correlationid ?? event?.correlationid ?? (inspection.kind === 'saga' ? item.orderId : undefined);
  return typeof id === 'string' && id ? id : null;
}
