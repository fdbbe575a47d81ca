// Screenshot an orchestrated run with the saga panel open at 1280x800, with Debian's
// chromium (never a downloaded browser).
// Usage: node scripts/screenshot-sagas.mjs [url] [out.png] [--choreography]
//   Places a few orders that complete; one for carol, whose card is declined (compensated);
//   then makes the warehouse unable to undo anything and ships bob's order to MOON, a region
//   shipping does not serve: its compensation keeps failing and the saga is stuck. Selects it.
//   --choreography: the same data in a choreographed run (no orchestrator, no stuck saga):
//   selects the compensated order to show its event chain.
import { launchChromium } from './chromium.mjs';
import { pastStartCard } from './startCard.mjs';

const args = process.argv.slice(2);
const choreography = args.includes('--choreography');
const [
  url = `http://127.0.0.1:5173/${choreography ? '' : '?style=orchestration'}`,
  out = 'docs/screenshot-sagas.png',
] = args.filter((a) => !a.startsWith('--'));

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (m) => m.type() === 'error' && console.log('[console.error]', m.text()));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(url);
  await pastStartCard(page);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready());
  const status = (text) => page.locator('.saga-table tbody tr', { hasText: text });
  await page.evaluate(async () => {
    const p = window.playground;
    await p.placeOrders(3);
    await p.editRow('payment', 'customers', { id: 'carol', credit: 100000, cardDeclined: true });
    await p.placeOrder({ customerId: 'carol', items: [{ sku: 'SKU-MUG', qty: 2 }], region: 'EU' });
  });
  await status('COMPENSATED').first().waitFor({ timeout: 60_000 });
  if (choreography) {
    await status('COMPENSATED').first().click();
  } else {
    await page.evaluate(async () => {
      const p = window.playground;
      await p.editRow('inventory', 'settings', {
        key: 'warehouse',
        failFirstAttempts: 0,
        offline: false,
        compensationFails: true,
      });
      await p.placeOrder({ customerId: 'bob', items: [{ sku: 'SKU-LAMP', qty: 1 }], region: 'MOON' });
    });
    await page.locator('.stuck-item .stuck-order').first().waitFor({ timeout: 90_000 });
    await page.locator('.stuck-item .stuck-order').first().click();
  }
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
