// The run history past its cap and its base's budget, as a long run at full
// load leaves it: the rows written longest ago are let go and counted, and an
// item asked for that may be one of them says so rather than "not found".

import { describe, expect, it } from 'vitest';
import type { HistorySpec } from '../core/history/historySpec';
import { shopFold, shopMoment, type ShopMoment, type ShopState } from '../core/history/shopFold';
import { shopInspect } from '../core/history/shopInspect';
import { RunHistory } from '../runtime/run/runHistory';
import { shopFacts } from './shopFactsFeed';

const ORDERS = 60_000;

describe('a history past its base budget', () => {
  it('counts the rows it let go of, still inspects recent items, and names the let-go ones as maybe let go', () => {
    const spec: HistorySpec<ShopState, ShopMoment> = {
      fold: shopFold as HistorySpec<ShopState, ShopMoment>['fold'],
      moment: (s) => shopMoment(s, ['order', 'payment']),
      inspect: shopInspect,
    };
    const history = new RunHistory(spec, () => null);
    for (const { fact, at } of shopFacts(ORDERS, 1000)) history.record(fact, at);
    const stats = history.stats();
    expect(stats.forgotten).toBeGreaterThan(0);
    expect(stats.rowsLetGo).toBeGreaterThan(0);
    const newest = `o-${ORDERS - 1}`;
    expect(history.inspect('order/orders', newest).item).toMatchObject({ id: newest });
    // The first order was written a minute before the end: its row is long let go.
    expect(() => history.inspect('order/orders', 'o-0')).toThrow(
      /let go of [\d,]+ rows .* it may be one of them/,
    );
  });
});
