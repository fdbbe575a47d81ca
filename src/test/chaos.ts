// The chaos runner: many seeded fault plans against the real services and
// broker, in Node. With the patterns on, every invariant must hold after the
// system recovers and settles; each broken variant must show the anomaly the
// seed text predicts — proof that the checker can fail.

import { checkInvariants, type Anomaly, type InvariantName } from '../core/invariants';
import { describeFault, randomPlan, type Fault, type FaultPlan } from '../core/faults/faultPlan';
import type { CrashPoint } from '../core/crashPoints';
import { seededRandom } from '../core/random';
import type { ServiceName } from '../core/rows';
import type { ServiceConfig } from '../core/service/definition';
import { sampleOrder } from '../core/services/catalog';
import { createHarness } from './harness';

const SHOP: ServiceName[] = ['order', 'payment', 'inventory', 'shipping'];

export interface Variant {
  config: Partial<ServiceConfig>;
  command: 'placeOrder' | 'placeOrderDirect';
  /** The anomaly this variant must show; null for the patterns, which must show none. */
  predicted: InvariantName | null;
  plan: (random: () => number) => FaultPlan;
}

/** The order service dies at `point` on one of its first three orders: the moment a variant is weakest. */
const orderCrash = (random: () => number, point: CrashPoint): Fault => ({ kind: 'crash', service: 'order', point, nth: 1 + Math.floor(random() * 3) });

export const VARIANTS = {
  patterns: { config: {}, command: 'placeOrder', predicted: null, plan: (r) => randomPlan(r) },
  'dual-write': { config: { publishing: 'dual-write' }, command: 'placeOrder', predicted: 'no-event-lost', plan: (r) => [orderCrash(r, 'after-commit-before-publish'), ...randomPlan(r)] },
  'no-inbox': { config: { inbox: false }, command: 'placeOrder', predicted: 'no-duplicate-side-effect', plan: (r) => randomPlan(r, ['consumer-after-commit-before-ack', 'relay-after-publish-before-mark']) },
  'no-idempotency-key': {
    config: { inbox: false, idempotencyKeys: false },
    command: 'placeOrder',
    predicted: 'no-double-charge',
    plan: (r) => [{ kind: 'duplicate', group: 'payment', type: 'OrderCreated' }, ...randomPlan(r)],
  },
  'direct-calls': { config: {}, command: 'placeOrderDirect', predicted: 'no-order-stuck', plan: (r) => [orderCrash(r, 'direct-after-charge'), ...randomPlan(r)] },
} satisfies Record<string, Variant>;

export type VariantName = keyof typeof VARIANTS;

export interface SeedResult {
  seed: number;
  variant: VariantName;
  plan: string[];
  anomalies: Anomaly[];
}

const ORDERS = 6;

/** Runs one seed: arm the plan, place orders, restart whatever dies until the system settles, check. */
export async function runSeed(seed: number, variantName: VariantName): Promise<SeedResult> {
  const variant: Variant = VARIANTS[variantName];
  const random = seededRandom(seed);
  const h = createHarness();
  try {
    await h.startBroker({ retryBackoffMs: 5 });
    for (const s of SHOP) await h.startService(s, variant.config);
    const plan = variant.plan(random);
    for (const fault of plan) {
      if (fault.kind === 'crash') h.arm(fault.service, fault.point, fault.nth);
      else if (fault.kind === 'duplicate') h.broker().faults.duplicateNext(fault.group, fault.type);
      else if (fault.kind === 'delay') h.broker().faults.delayNext(fault.group, fault.type, fault.ms);
      else if (fault.kind === 'broker-outage') h.broker().faults.refusePublishes(fault.publishes);
    }
    const restartDead = async () => {
      for (const s of SHOP) if (h.service(s).crash.dead) await h.startService(s, variant.config);
    };
    for (let i = 0; i < ORDERS; i++) {
      // A crash kills the command with its process; the restarted service recovers whatever committed.
      await h.service('order').command(variant.command, sampleOrder(random)).catch(() => undefined);
      await restartDead();
    }
    for (let round = 0; ; round++) {
      await restartDead();
      const settled = await h.settle(3_000).then(() => true, () => false);
      if (settled && SHOP.every((s) => !h.service(s).crash.dead)) break;
      if (round > 10) throw new Error(`seed ${seed} (${variantName}) never settled`);
    }
    const services = Object.fromEntries(await Promise.all(SHOP.map(async (s) => [s, await h.read(s)])));
    const anomalies = checkInvariants({ services, broker: await h.readBroker() }, { settled: true, messaging: variant.command === 'placeOrder' });
    return { seed, variant: variantName, plan: plan.map(describeFault), anomalies };
  } finally {
    h.close();
  }
}
