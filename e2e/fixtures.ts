// Page objects for the end-to-end tests: the app opened at fast pace, the
// scripting API, and the canvas's service nodes.

import { test as base, expect, type Locator, type Page } from '@playwright/test';
import type { PlaygroundApi } from '../src/runtime/playgroundApi';
import { encodeScenario } from '../src/core/scenario/link';
import type { Scenario } from '../src/core/scenario/scenario';
import { natsWsUrl, onNats } from './natsServer';

export type ServiceNodeName = 'order' | 'payment' | 'inventory' | 'shipping' | 'orchestrator' | 'broker';

export class PlaygroundPage {
  /** `natsUrl`: every page this opens runs its scenario on broker nats at that server (the `nats` project). */
  constructor(
    readonly page: Page,
    readonly natsUrl?: string,
  ) {}

  async open(query = 'pace=fast'): Promise<void> {
    await this.page.goto(`./?${this.natsUrl ? onNats(query, this.natsUrl) : query}`);
    await this.page.waitForFunction(() => window.playground !== undefined);
    await this.page.evaluate(() => window.playground!.ready());
  }

  /** Runs a function against window.playground inside the page. */
  api<T, A = undefined>(fn: (api: PlaygroundApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return this.page.evaluate(
      ([source, a]) => {
        const f = new Function(`return (${source})`)() as (api: PlaygroundApi, arg: unknown) => unknown;
        return f(window.playground as PlaygroundApi, a);
      },
      [fn.toString(), arg] as const,
    ) as Promise<T>;
  }

  /**
   * The live run the history specs look back on: the order service dies between its commit and its publish while
   * placing one order, is restarted, and the run settles, so the late publish and everything after it are recorded.
   */
  async crashOrderBeforePublishAndRestart(): Promise<void> {
    await this.api((api) => api.crashAt('order', 'after-commit-before-publish'));
    // The call fails with the process: the order and its outbox row are committed all the same.
    await this.api((api) => api.placeOrder().catch(() => null));
    await expect.poll(() => this.api((api) => api.status('order'))).toBe('crashed');
    await this.api((api) => api.restart('order'));
    await this.api((api) => api.settle(60_000));
  }

  /** Opens a deterministic run's link (its faults planned in the scenario) and runs it to its end. */
  async openToEnd(scenario: Scenario): Promise<void> {
    await this.open(`x=1${encodeScenario(scenario)}`);
    await this.api((api) => api.runToEnd());
  }

  node(name: ServiceNodeName): Locator {
    return this.page.getByTestId(`node-${name}`);
  }
}

/**
 * `openQuery`: how the `playground` fixture opens the page. A Playwright project may set it, so the
 * same specs run against another setup unchanged (the log-tailing relay project does).
 */
export interface PlaygroundOptions {
  openQuery: string;
  /** Opens a shop run on broker nats at the e2e run's nats-server instead (skipped when it is not installed). */
  natsBroker: boolean;
}

export const test = base.extend<{ playground: PlaygroundPage } & PlaygroundOptions>({
  openQuery: ['pace=fast', { option: true }],
  natsBroker: [false, { option: true }],
  playground: async ({ page, openQuery, natsBroker }, use, testInfo) => {
    const natsUrl = natsWsUrl();
    if (natsBroker) testInfo.skip(!natsUrl, 'nats-server is not installed');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const playground = new PlaygroundPage(page, natsBroker ? natsUrl : undefined);
    await playground.open(openQuery);
    await use(playground);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

/**
 * Writes one of the README's screenshots into docs/, only when the run asks for it (`SCREENSHOTS=1`): an ordinary
 * test run must leave the checkout's tracked files as they were.
 */
export async function docsScreenshot(page: Page, file: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `docs/${file}` });
}

export { expect };
