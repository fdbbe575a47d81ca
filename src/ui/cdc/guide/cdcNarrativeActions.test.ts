import { afterEach, describe, expect, it } from 'vitest';
import { CDC_SCENARIOS } from '../../../core/scenario/library/cdc';
import type { CdcController } from '../../../runtime/cdcController';
import { createInProcessCdcController } from '../../../test/inProcessCdcController';
import { createCdcViewStore } from '../cdcStore';
import { performCdcAction } from './cdcNarrativeActions';

let run: CdcController | undefined;
afterEach(() => run?.dispose());

const quick = () => new Promise<void>((r) => setTimeout(r, 5));

describe('performCdcAction', () => {
  it('tells each library story to its end on a real run, with the verdict its entry expects', async () => {
    for (const entry of CDC_SCENARIOS) {
      run = await createInProcessCdcController({ scenario: entry.scenario });
      const view = createCdcViewStore('guide');
      const notes: (string | null)[] = [];
      for (const step of entry.narrative)
        if (step.do) notes.push(await performCdcAction(step.do, { controller: run, view, sleep: quick }));
      await run.settle();
      expect(
        run.anomalies().map((a) => a.invariant),
        entry.id,
      ).toEqual(entry.expect);
      if (entry.id === 'cdc-connector-crash') expect((await run.connector()).duplicates).toBeGreaterThan(0);
      if (entry.id === 'cdc-legacy-search') expect(notes).toContain('“treehouse” in Kyoto: L-100.');
      run.dispose();
      run = undefined;
    }
  });

  it('shows what it does where the viewer would: the search box, the write progress, the tab', async () => {
    run = await createInProcessCdcController();
    const view = createCdcViewStore('guide');
    const progress: (number | undefined)[] = [];
    view.subscribe((s) => progress.push(s.writing?.done));
    await performCdcAction({ kind: 'writeMany', count: 3 }, { controller: run, view });
    expect(progress).toEqual([0, 1, 2, 3, undefined]);
    await performCdcAction({ kind: 'search', text: 'loft' }, { controller: run, view });
    expect(view.getState().search).toMatchObject({ text: 'loft', city: '', busy: false });
    await performCdcAction({ kind: 'showTab', tab: 'anomalies' }, { controller: run, view });
    expect(view.getState().tab).toBe('anomalies');
  });

  it('says so when asked to restart a process that never crashed, and refuses another run’s actions', async () => {
    run = await createInProcessCdcController();
    const view = createCdcViewStore();
    let now = 0;
    const sleep = async (ms: number) => void (now += ms);
    expect(
      await performCdcAction({ kind: 'restart', process: 'query' }, { controller: run, view, sleep }),
    ).toBe('query had not crashed: nothing to restart.');
    expect(now).toBeGreaterThanOrEqual(10_000);
    await expect(
      performCdcAction({ kind: 'placeOrders', count: 1 }, { controller: run, view }),
    ).rejects.toThrow('"placeOrders" is not something a change-data-capture run can do');
  });
});
