import { afterEach, describe, expect, it } from 'vitest';
import { CDC_SCENARIOS } from '../../../core/scenario/library/cdc';
import { createCdcViewStore } from '../cdcStore';
import { createFakeCdcController, type FakeCdcController } from '../fakeCdcController';
import { performCdcAction } from './cdcNarrativeActions';

let fake: FakeCdcController;
afterEach(() => fake.dispose());

const quick = () => new Promise<void>((r) => setTimeout(r, 5));

describe('performCdcAction', () => {
  it('tells each library story to its end on the fake run, with the verdict its entry expects', async () => {
    for (const entry of CDC_SCENARIOS) {
      fake = createFakeCdcController({ tickMs: 5, writeDelayMs: 0 });
      const view = createCdcViewStore('guide');
      const notes: (string | null)[] = [];
      for (const step of entry.narrative)
        if (step.do) notes.push(await performCdcAction(step.do, { controller: fake, view, sleep: quick }));
      await fake.settle();
      expect(
        fake.anomalies().map((a) => a.invariant),
        entry.id,
      ).toEqual(entry.expect);
      if (entry.id === 'cdc-connector-crash') expect((await fake.connector()).duplicates).toBeGreaterThan(0);
      if (entry.id === 'cdc-legacy-search') expect(notes).toContain('“treehouse” in Kyoto: L-100.');
      fake.dispose();
    }
  });

  it('shows what it does where the viewer would: the search box, the write progress, the tab', async () => {
    fake = createFakeCdcController({ tickMs: 5, writeDelayMs: 0 });
    const view = createCdcViewStore('guide');
    const progress: (number | undefined)[] = [];
    view.subscribe((s) => progress.push(s.writing?.done));
    await performCdcAction({ kind: 'cdcWriteMany', count: 3 }, { controller: fake, view });
    expect(progress).toEqual([0, 1, 2, 3, undefined]);
    await performCdcAction({ kind: 'cdcSearch', text: 'loft' }, { controller: fake, view });
    expect(view.getState().search).toMatchObject({ text: 'loft', city: '', busy: false });
    await performCdcAction({ kind: 'showCdcTab', tab: 'anomalies' }, { controller: fake, view });
    expect(view.getState().tab).toBe('anomalies');
  });

  it('says so when asked to restart a process that never crashed, and refuses another run’s actions', async () => {
    fake = createFakeCdcController({ tickMs: 5 });
    const view = createCdcViewStore();
    let now = 0;
    const sleep = async (ms: number) => void (now += ms);
    expect(
      await performCdcAction({ kind: 'cdcRestart', process: 'query' }, { controller: fake, view, sleep }),
    ).toBe('query had not crashed: nothing to restart.');
    expect(now).toBeGreaterThanOrEqual(10_000);
    await expect(performCdcAction({ kind: 'settle' }, { controller: fake, view })).rejects.toThrow(
      '"settle" works only in a shop run; this is a change-data-capture run',
    );
  });
});
