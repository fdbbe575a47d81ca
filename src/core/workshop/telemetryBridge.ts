// Joins a browser's own telemetry wire to the workshop's: the facts of the
// services this browser runs go out to the other browsers, and theirs come in,
// so the one conductor of each browser hears the whole run as if every worker
// were its own. Facts are told apart by the service they name; a fact naming
// none (the broker's figures, which every browser reads for itself) stays home.

import type { Channel } from '../transport';

type Fact = { kind: string; service?: string };

/** Closes nothing: the caller owns both channels. */
export function bridgeTelemetry(home: Channel, workshop: Channel, mine: ReadonlySet<string>): void {
  const split = (batch: unknown, keep: (service: string) => boolean) =>
    (batch as Fact[]).filter((fact) => fact.service !== undefined && keep(fact.service));
  home.onMessage((batch) => {
    const out = split(batch, (service) => mine.has(service));
    if (out.length) workshop.post(out);
  });
  workshop.onMessage((batch) => {
    // The server hands a publisher its own messages too: those facts are already home.
    const inbound = split(batch, (service) => !mine.has(service));
    if (inbound.length) home.post(inbound);
  });
}
