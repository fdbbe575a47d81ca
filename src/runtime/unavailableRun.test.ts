import { describe, expect, it } from 'vitest';
import type { CdcController } from './cdcController';
import type { Controller } from './controller';
import type { EsController } from './esController';
import { unavailableRun } from './unavailableRun';
import { ERROR_CATALOGUE } from '../core/errorCatalogue';

describe('the stand-in for a run that could not start', () => {
  it('tells the error to a subscriber and shows every process as crashed', () => {
    const run = unavailableRun<EsController>('event-sourced', new Error('no locks'));
    const heard: unknown[] = [];
    run.subscribe((events) => heard.push(...events));
    expect(heard).toEqual([
      { kind: 'error', code: ERROR_CATALOGUE.CONDUCTOR_START_FAILED.code, message: 'no locks' },
    ]);
    expect(run.status('bank')).toBe('crashed');
    expect(run.scenario().topology).toBe('event-sourced');
    expect(run.anomalies()).toEqual([]);
  });

  it("refuses every topology's own calls with the reason", async () => {
    const cdc = unavailableRun<CdcController>('cdc', 'blocked');
    await expect(cdc.write({ op: 'delete', id: 'l1' })).rejects.toThrow(
      'The playground is not running: blocked',
    );
    const shop = unavailableRun<Controller>('shop', 'blocked');
    await expect(shop.placeOrders(3)).rejects.toThrow('blocked');
    await expect(shop.settle()).rejects.toThrow('blocked');
  });

  it('answers what a page reads while rendering, and does nothing on play, pause or crash', () => {
    const shop = unavailableRun<Controller>('shop', 'blocked');
    expect(shop.mode).toBe('live');
    expect(shop.processNames).toEqual([]);
    expect(shop.faultPlan).toEqual([]);
    expect(shop.config.sagaStyle).toBe('choreography');
    expect(() => shop.play()).not.toThrow();
    expect(shop.crashNow('payment')).toBeUndefined();
  });

  it('can be returned from an async function: it is not mistaken for a promise', async () => {
    const run = await (async () => unavailableRun<Controller>('shop', 'blocked'))();
    expect(run.runId).toBe('');
  });
});
