import { afterEach, describe, expect, it } from 'vitest';
import { SEED_LISTINGS } from '../../core/cdc/legacy/listingData';
import type { CdcController } from '../../runtime/cdcController';
import { createInProcessCdcController } from '../../test/inProcessCdcController';
import { until } from '../../test/until';
import { createCdcFactsStore } from './cdcStore';
import { connectCdc, pollOnce } from './connectCdc';

let run: CdcController | undefined;
afterEach(() => run?.dispose());

describe('connectCdc, on a real CDC run', () => {
  it('brings the table, its log, the connector and the documents into the facts, and follows writes', async () => {
    run = await createInProcessCdcController();
    const facts = createCdcFactsStore();
    const stop = connectCdc(run, facts, 50);
    await until(() => facts.getState().processes.query.status === 'running');
    await run.write({
      op: 'create',
      listing: { id: 'L-100', title: 'Treehouse', city: 'Kyoto', price: 1, amenities: [] },
    });
    await run.settle();
    // The log holds the seed listings a fresh service inserts, then the write.
    const head = SEED_LISTINGS.length + 1;
    await until(() => facts.getState().changes.length === head);
    await until(() => facts.getState().docs?.some((d) => d.id === 'L-100') === true);
    await until(() => facts.getState().connector?.sources[0].position.seq === head);
    expect(facts.getState().listings?.some((l) => l.id === 'L-100')).toBe(true);
    stop();
  });

  it('does not ask a crashed process, keeps what it last said, and reports no error for it', async () => {
    run = await createInProcessCdcController();
    const facts = createCdcFactsStore();
    const stop = connectCdc(run, facts, 50);
    await until(() => (facts.getState().docs?.length ?? 0) > 0);
    run.crashNow('query');
    await until(() => facts.getState().processes.query.status === 'crashed');
    await pollOnce(run, facts);
    expect(facts.getState().docs?.length).toBeGreaterThan(0);
    expect(facts.getState().pollError).toBeNull();
    stop();
  });
});
