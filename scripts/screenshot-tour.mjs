// The README's tour screenshots that no other script takes, each at 1280x800 with
// Debian's chromium (never a downloaded browser), against a served production build.
// Usage: node scripts/screenshot-tour.mjs [base-url] [--only library,guide,...]
//   library       the Scenarios dialog
//   guide         "Transactional outbox" on its guide, at step 2 (the order service died after its commit)
//   compare       "Dual write" and "Transactional outbox" side by side, both run to their end
//   replay        an event-sourced order grown to 10,000 events, replayed half-way, its load cost measured
//   cdc           a CDC run: the connector killed after publishing, before storing its position, after 100 writes
//   two-phase     two-phase commit: the coordinator died after prepare, a second order waits on the locks
//   log-tailing   the shop with log-tailing relays: payment died after publishing, before storing its position
// Library entries are opened from the Scenarios dialog, as a user opens them, so the links are the app's own.
import { launchChromium } from './chromium.mjs';
import { pastStartCard } from './startCard.mjs';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1].split(',') : null;
const [base = 'http://127.0.0.1:4173/'] = args.filter((a, i) => !a.startsWith('--') && i !== onlyAt + 1);

/** The href of a library entry's link (or its "Compare with …" link), read off the Scenarios dialog. */
async function libraryHref(page, name) {
  await page.goto(base);
  await pastStartCard(page);
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const href = await page
    .getByRole('dialog')
    .getByRole('link', { name, exact: true })
    .first()
    .getAttribute('href');
  return new URL(href, base).toString();
}

async function ready(page) {
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready());
}

const SHOTS = {
  async library(page) {
    await page.goto(base);
    await pastStartCard(page);
    await ready(page);
    await page.getByRole('button', { name: 'Scenarios' }).click();
    await page.getByRole('dialog', { name: 'Scenario library' }).waitFor();
  },

  async guide(page) {
    await page.goto(await libraryHref(page, 'Transactional outbox'));
    await ready(page);
    const guide = page.getByRole('tabpanel', { name: 'Guide' });
    await guide.getByRole('button', { name: 'Start' }).click();
    await guide.getByRole('button', { name: 'Next step' }).click();
    await guide.getByText('Step 2 of').waitFor();
    await page.locator('[data-testid="node-order"][data-status="crashed"]').waitFor();
  },

  async compare(page) {
    await page.goto(await libraryHref(page, 'Compare with Transactional outbox'));
    const left = page.getByTestId('compare-a');
    const right = page.getByTestId('compare-b');
    await left.getByText('step 0').waitFor({ timeout: 60_000 });
    await right.getByText('step 0').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Run both to end' }).click();
    await left.getByText('at its end').waitFor({ timeout: 60_000 });
    await right.getByText('at its end').waitFor({ timeout: 60_000 });
  },

  async replay(page) {
    await page.goto(await libraryHref(page, 'Event sourcing with snapshots'));
    await ready(page);
    await page.getByRole('button', { name: 'New order', exact: true }).click();
    await page.getByRole('button', { name: 'Grow to 10,000 events', exact: true }).click();
    const stream = page.getByTestId('es-orders').getByRole('row').filter({ hasText: 'v10,000' });
    await stream.waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: 'Replay' }).click();
    await page.getByRole('button', { name: 'Measure again' }).click();
    await page.getByTestId('load-cost').getByText('at v10,000').waitFor();
    await page.getByLabel(/State as of version/).fill('5037');
    await page.getByTestId('replay-state').getByText('1 snapshot (v5,000)').waitFor();
  },

  async cdc(page) {
    await page.goto(await libraryHref(page, 'CDC: a legacy service feeds search'));
    await ready(page);
    await page.evaluate(async () => {
      const p = window.playground;
      await p.crashAt('connector', 'cdc-after-publish-before-position');
      await p.writeMany(100);
    });
    await page.locator('[data-testid="cdc-connector"][data-status="crashed"]').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Envelope' }).click();
  },

  async 'two-phase'(page) {
    await page.goto(new URL('?ordering=two-phase-commit', base).toString());
    await ready(page);
    // Two orders for the same lamp at once: the coordinator dies after the first prepare, and the second waits on its lock.
    await page.evaluate(async () => {
      const p = window.playground;
      p.crashAt('order', 'coordinator-after-prepare');
      const lamp = (customerId) => ({ customerId, items: [{ sku: 'SKU-LAMP', qty: 1 }] });
      await Promise.allSettled([p.placeOrder(lamp('alice')), p.placeOrder(lamp('bob'))]);
    });
    await page.getByRole('button', { name: 'Restart order' }).waitFor({ timeout: 30_000 });
    await page.getByText('1 order waiting').waitFor({ timeout: 30_000 });
  },

  async 'log-tailing'(page) {
    await page.goto(new URL('?relay=log-tailing', base).toString());
    await ready(page);
    await page.evaluate(async () => {
      const p = window.playground;
      await p.placeOrders(6);
      p.crashAt('payment', 'relay-after-publish-before-mark');
      await p.placeOrders(4);
    });
    await page.getByRole('button', { name: 'Restart payment' }).waitFor({ timeout: 30_000 });
  },
};

const browser = await launchChromium();
try {
  for (const [name, take] of Object.entries(SHOTS)) {
    if (only && !only.includes(name)) continue;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (e) => console.log(`[${name} pageerror]`, e.message));
    await take(page);
    await page.waitForTimeout(1500);
    const out = `docs/screenshot-${name === 'two-phase' ? '2pc' : name}.png`;
    await page.screenshot({ path: out });
    console.log(`saved ${out}`);
    await page.close();
  }
} finally {
  await browser.close();
}
