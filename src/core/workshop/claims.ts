// Who may run a service of a workshop: the first browser to claim it, in a
// JetStream key-value bucket of the run (one key per service, its owner's id
// as the value). Creating a key is atomic on the server, so two browsers
// claiming at once cannot both win. The owner renews its claim with every
// beat; a claim not renewed for the bucket's age ages out, so a laptop gone
// for good frees its service. The same browser (the same owner id, kept in
// its storage) reopening its link takes its own claim back at once.

import type { NatsConnection } from '@nats-io/nats-core';
import { Kvm, type KV } from '@nats-io/kv';

/** How long a claim outlives its owner's last renewal. */
export const CLAIM_AGE_MS = 15_000;

export class Claims {
  private constructor(private readonly kv: KV) {}

  static async open(nc: NatsConnection, bucket: string): Promise<Claims> {
    return new Claims(await new Kvm(nc).create(bucket, { ttl: CLAIM_AGE_MS, history: 1 }));
  }

  /** Claims every service for `self`; the services another owner holds, with that owner's id (empty: all claimed). */
  async claim(self: string, services: readonly string[]): Promise<{ service: string; owner: string }[]> {
    const taken: { service: string; owner: string }[] = [];
    for (const service of services) {
      try {
        await this.kv.create(service, self);
        continue;
      } catch {
        // Held already: by this browser (a reopened tab) or by another.
      }
      const owner = (await this.kv.get(service))?.string() ?? '';
      if (owner === '' || owner === self) await this.kv.put(service, self);
      else taken.push({ service, owner });
    }
    return taken;
  }

  /** The owner's beat keeps its claims from ageing out. */
  async renew(self: string, services: readonly string[]): Promise<void> {
    for (const service of services) await this.kv.put(service, self);
  }
}
