// Each guide step stops where its narrative says (issue 17): every shop entry
// whose story crashes something is walked step by step through its Guide tab,
// and after each step the canvas shows what the step's words name — the
// outbox guide's crashed order service with its rows pending, then running
// with them still pending, then the rows published; direct calls' crashed
// order service beside the charge it left. Any step that says something dies
// leaves some node shown crashed, and no step ended short of its beat.

import type { Locator, Page } from '@playwright/test';
import { LIBRARY } from '../src/core/scenario/library';
import type { ShopEntry } from '../src/core/scenario/library/types';
import { encodeScenario } from '../src/core/scenario/link';
import { shortKey } from '../src/ui/format';
import { crashesAt } from '../src/test/crashSteps';
import { expect, test, type PlaygroundPage } from './fixtures';
import { walkGuide } from './guideWalk';

const shopEntries = LIBRARY.filter((e): e is ShopEntry => e.scenario.topology === 'shop');
const withCrash = shopEntries.filter((e) => e.narrative.some((_, i) => crashesAt(e, i)));

type Check = (step: number, panel: Locator) => Promise<void>;

/** Opens `entry` from its link, presses Start, and after each step (its action finished) runs `check`. */
async function walk(playground: PlaygroundPage, page: Page, entry: ShopEntry, check: Check) {
  await playground.open('x=1' + encodeScenario(entry.scenario));
  await walkGuide(page, page.getByRole('tabpanel', { name: 'Guide' }), entry, {
    each: async (step, panel) => {
      // A beat that did not come leaves a note on its step: every beat of the library comes.
      if (entry.narrative[step - 1].do?.kind === 'stepUntil')
        await expect(panel.locator('[aria-current="step"] .guide-note')).toHaveCount(0);
      await check(step, panel);
    },
  });
}

/** The outbox rows of `service` still waiting for the relay, by id, as the run's databases hold them. */
function pendingIds(playground: PlaygroundPage, service: 'order' | 'payment'): Promise<string[]> {
  return playground.api(
    async (api, s) =>
      (await api.snapshot()).services[s].outbox
        .filter((r) => r.published_at == null)
        .map((r) => String(r.id)),
    service,
  );
}

test('the outbox guide: crashed with its rows pending, back with them still pending, then published, then the end', async ({
  playground,
  page,
}) => {
  const entry = shopEntries.find((e) => e.id === 'outbox')!;
  const order = playground.node('order');
  let pending: string[] = [];
  await walk(playground, page, entry, async (step) => {
    if (step === 2) {
      await expect(order).toHaveAttribute('data-status', 'crashed');
      await expect(order).toContainText('CRASHED');
      await expect(order.locator('.row-pending').first()).toBeVisible();
      await expect(order).toContainText('2 pending');
      pending = await pendingIds(playground, 'order');
      expect(pending).toHaveLength(2);
    }
    if (step === 3) {
      await expect(order).toHaveAttribute('data-status', 'running');
      await expect(order).toContainText('2 pending');
      expect(await pendingIds(playground, 'order')).toEqual(pending);
    }
    if (step === 4) {
      await expect(order).toHaveAttribute('data-status', 'running');
      await expect(order).toContainText('0 pending');
      const still = await pendingIds(playground, 'order');
      expect(pending.filter((id) => still.includes(id))).toEqual([]);
    }
    if (step === 5) expect(await playground.api((api) => api.sim().done)).toBe(true);
  });
});

test('direct calls: the crash is a step of its own, the charge beside the crashed order service', async ({
  playground,
  page,
}) => {
  const entry = shopEntries.find((e) => e.id === 'direct-calls')!;
  const order = playground.node('order');
  await walk(playground, page, entry, async (step) => {
    if (step === 2) {
      await expect(order).toHaveAttribute('data-status', 'crashed');
      await expect(order).toContainText('CRASHED');
      // The order charged and never reserved: its charge is on the payment node.
      const charged = await playground.api(async (api) => {
        const { services } = await api.snapshot();
        const reserved = services.inventory.reservations.map((r) => r.orderId);
        return services.payment.payments
          .filter((p) => !reserved.includes(p.orderId))
          .map((p) => String(p.idempotencyKey));
      });
      expect(charged).toHaveLength(1);
      await expect(playground.node('payment')).toContainText(shortKey(charged[0]));
    }
    if (step === 3) await expect(order).toHaveAttribute('data-status', 'running');
  });
});

test('the inbox guide: payment crashed after publishing, its rows pending; then published again', async ({
  playground,
  page,
}) => {
  const entry = shopEntries.find((e) => e.id === 'inbox-duplicates')!;
  const payment = playground.node('payment');
  let pending: string[] = [];
  await walk(playground, page, entry, async (step) => {
    if (step === 2) {
      await expect(payment).toHaveAttribute('data-status', 'crashed');
      await expect(payment.locator('.row-pending').first()).toBeVisible();
      pending = await pendingIds(playground, 'payment');
      expect(pending.length).toBeGreaterThan(0);
    }
    if (step === 3) {
      await expect(payment).toHaveAttribute('data-status', 'running');
      const still = await pendingIds(playground, 'payment');
      expect(pending.filter((id) => still.includes(id))).toEqual([]);
    }
  });
});

// Every entry whose story crashes something: each step that says so leaves a node shown crashed on the canvas.
for (const entry of withCrash)
  test(`guide beats: ${entry.id} shows each crash its narrative names`, async ({ playground, page }) => {
    test.setTimeout(180_000);
    await walk(playground, page, entry, async (step) => {
      if (!crashesAt(entry, step - 1)) return;
      await expect(page.locator('[data-testid^="node-"][data-status="crashed"]').first()).toBeVisible();
    });
    await expect(page.getByTestId('guide-verdict')).toContainText('As expected', { timeout: 90_000 });
  });
