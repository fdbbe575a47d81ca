// The event-sourced run's page object for end-to-end tests: opens a run of
// topology 'event-sourced' and calls its window.playground.

import { expect } from '@playwright/test';
import { PlaygroundPage } from './fixtures';
import { callPageApi, pageTest, runQuery } from './pageRun';
import type { Scenario } from '../src/core/scenario/scenario';
import type { EsPlaygroundApi } from '../src/runtime/es/esPlaygroundApi';

export class EsPage extends PlaygroundPage {
  /** Opens an event-sourced run (fast pace unless the patch says otherwise) and waits for its three processes. */
  async openEs(patch: Partial<Scenario> = {}): Promise<void> {
    await this.open(runQuery('event-sourced', patch));
  }

  /** Runs a function against the event-sourced window.playground inside the page. */
  es<T, A = undefined>(fn: (api: EsPlaygroundApi, arg: A) => T | Promise<T>, arg?: A): Promise<T> {
    return callPageApi(this.page, fn, arg);
  }
}

export const test = pageTest((page) => new EsPage(page));

export { expect };
