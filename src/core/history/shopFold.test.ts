import { describe, expect, it } from 'vitest';
import type { Fact } from '../telemetry';
import { shopFacts } from '../../test/shopFactsFeed';
import { FactHistory } from './factHistory';
import { shopFold, shopMoment, type ShopState } from './shopFold';

describe("the shop's moment", () => {
  it('reads the broker log from its checkpoints’ kept figures as a fold from nothing does', () => {
    const checkpointed = new FactHistory<Fact, ShopState>(shopFold, { checkpointEvery: 100 });
    const fromBase = new FactHistory<Fact, ShopState>(shopFold, { checkpointEvery: 1e9 });
    for (const { fact, at } of shopFacts(2_000, 100)) {
      checkpointed.record(fact, at);
      fromBase.record(fact, at);
    }
    const end = checkpointed.facts().at(-1)!.at;
    // Twice over: the second time, the checkpoints' leaves are read from what the first kept.
    for (const round of [1, 2])
      for (let t = 0; t <= end; t += 370) {
        const moment = shopMoment(checkpointed.stateAt(t), ['order', 'payment']);
        expect(moment, `time ${t}, round ${round}`).toEqual(
          shopMoment(fromBase.stateAt(t), ['order', 'payment']),
        );
        expect(moment.broker.subjects['order.events']?.length ?? 0).toBe(
          moment.services.order?.orders?.length ?? 0,
        );
      }
  });
});
