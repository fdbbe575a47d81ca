// Screenshot the playground at 1280x800 with Debian's chromium (never a downloaded browser).
// Usage: node scripts/screenshot.mjs <url> [out.png] [--demo]
//   --demo: place orders; crash inventory after a commit but before its ack and restart it (the
//           redelivery shows up as a skipped duplicate); then arm payment's relay to crash after
//           publishing, before marking the row, and place more, so orders are in flight while
//           payment is down with an outbox row still pending.
import { launchChromium } from './chromium.mjs';
import { pastStartCard } from './startCard.mjs';

const args = process.argv.slice(2);
const demo = args.includes('--demo');
const [url = 'http://127.0.0.1:5173/', out = 'docs/screenshot.png'] = args.filter((a) => !a.startsWith('--'));

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on(
    'console',
    (m) => (m.type() === 'error' || m.type() === 'warning') && console.log(`[console.${m.type()}]`, m.text()),
  );
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(url);
  await pastStartCard(page);
  await page.waitForSelector('.service-node');
  await page.waitForTimeout(800);
  if (demo) {
    const arm = async (process, point) => {
      await page.getByLabel(`Crash point for ${process}`).selectOption(point);
      await page.getByRole('button', { name: `Arm crash of ${process} at ${point}` }).click();
    };
    const crashed = (process) =>
      page.getByRole('button', { name: `Restart ${process}` }).waitFor({ timeout: 30000 });
    await page.locator('[data-status="running"]').nth(4).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Place 10 orders' }).click();
    await page.waitForTimeout(4000);
    // Inventory dies after committing a reservation but before acking it: the redelivery is a skipped duplicate.
    await arm('inventory', 'consumer-after-commit-before-ack');
    await page.getByRole('button', { name: 'Place order', exact: true }).click();
    await crashed('inventory');
    await page.getByRole('button', { name: 'Restart inventory' }).click();
    await page.waitForTimeout(3000);
    // Payment's relay dies after the broker took an event, before marking its outbox row published.
    await arm('payment', 'relay-after-publish-before-mark');
    await page.getByRole('button', { name: 'Place 10 orders' }).click();
    await crashed('payment');
    await page.waitForTimeout(1500);
  }
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
