import { afterEach, describe, expect, it } from 'vitest';
import { createCdcFactsStore } from './cdcStore';
import { connectCdc, pollOnce } from './connectCdc';
import { createFakeCdcController, type FakeCdcController } from './fakeCdcController';

let fake: FakeCdcController;
afterEach(() => fake.dispose());

describe('connectCdc', () => {
  it('brings the table, its log, the connector and the documents into the facts, and follows writes', async () => {
    fake = createFakeCdcController({ tickMs: 5 });
    const facts = createCdcFactsStore();
    const stop = connectCdc(fake, facts, 50);
    await expect.poll(() => facts.getState().processes.query.status).toBe('running');
    await fake.write({
      op: 'create',
      listing: { id: 'L-100', title: 'Treehouse', city: 'Kyoto', price: 1, amenities: [] },
    });
    await expect.poll(() => facts.getState().changes.length).toBe(1);
    await expect.poll(() => facts.getState().docs?.some((d) => d.id === 'L-100')).toBe(true);
    await expect.poll(() => facts.getState().connector?.sources[0].position.seq).toBe(1);
    expect(facts.getState().listings?.some((l) => l.id === 'L-100')).toBe(true);
    stop();
  });

  it('does not ask a crashed process, keeps what it last said, and reports no error for it', async () => {
    fake = createFakeCdcController({ tickMs: 5 });
    const facts = createCdcFactsStore();
    const stop = connectCdc(fake, facts, 50);
    await expect.poll(() => facts.getState().docs?.length ?? 0).toBeGreaterThan(0);
    fake.crashNow('query');
    await expect.poll(() => facts.getState().processes.query.status).toBe('crashed');
    await pollOnce(fake, facts);
    expect(facts.getState().docs?.length).toBeGreaterThan(0);
    expect(facts.getState().pollError).toBeNull();
    stop();
  });
});
