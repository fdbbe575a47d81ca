// What the specs of the CDC and event-sourced pages share: the link that
// opens a run of their topology, a call into that page's window.playground
// (typed as its own API), and a `run` fixture that fails a test on any
// uncaught error in the page.

import { test as base, expect, type Page } from '@playwright/test';
import { encodeScenario } from '../src/core/scenario/link';
import { DEFAULT_SCENARIO, type Scenario, type Topology } from '../src/core/scenario/scenario';

/** The query that opens a run of `topology`, at fast pace unless the patch says otherwise. */
export function runQuery(topology: Topology, patch: Partial<Scenario> = {}): string {
  return `x=1${encodeScenario({ ...DEFAULT_SCENARIO, topology, pace: 'fast', ...patch })}`;
}

/** Runs `fn` against the page's window.playground; `arg` carries what it needs from the test (`fn` runs in the page, so it sees nothing else). */
export function callPageApi<Api, T, A>(
  page: Page,
  fn: (api: Api, arg: A) => T | Promise<T>,
  arg?: A,
): Promise<T> {
  return page.evaluate(
    ([source, a]) => {
      const f = new Function(`return (${source})`)() as (api: unknown, arg: unknown) => unknown;
      return f(window.playground, a);
    },
    [fn.toString(), arg] as const,
  ) as Promise<T>;
}

/** A test whose `run` fixture is the page object `create` makes. */
export function pageTest<P>(create: (page: Page) => P) {
  return base.extend<{ run: P }>({
    run: async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await use(create(page));
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
  });
}
