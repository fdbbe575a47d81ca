// The event-sourced run's page object for end-to-end tests: opens a run of
// topology 'event-sourced' and calls its window.playground.

import { test as base, expect } from '@playwright/test';
import { PlaygroundPage } from './fixtures';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario } from '../src/core/scenario/scenario';
import type { EsPlaygroundApi } from '../src/runtime/es/esPlaygroundApi';

export class EsPage extends PlaygroundPage {
  /** Opens an event-sourced run (fast pace unless the patch says otherwise) and waits for its three processes. */
  async openEs(patch: Partial<Scenario> = {}): Promise<void> {
    await this.open(`x=1${encodeScenario({ ...DEFAULT_SCENARIO, topology: 'event-sourced', pace: 'fast', ...patch })}`);
  }

  /** Runs a function against the event-sourced window.playground inside the page. */
  es<T, A = undefined>(fn: (api: EsPlaygroundApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.page.evaluate(
      ([source, a]) => {
        const f = new Function(`return (${source})`)() as (api: unknown, arg: unknown) => unknown;
        return f(window.playground, a);
      },
      [fn.toString(), arg] as const,
    ) as Promise<T>;
  }
}

export const test = base.extend<{ run: EsPage }>({
  run: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(new EsPage(page));
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
