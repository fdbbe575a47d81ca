// Screenshot the timed-out step's library scenario after its run: the saga
// compensated the unknown step, payment's semantic lock refused the late
// ProcessPayment, and the Sagas tab shows the refusal in the saga's history.
// With Debian's chromium (never a downloaded browser).
// Usage: node scripts/screenshot-semantic-lock.mjs [base-url] [out.png] [--present]
//   --present: presenter mode at 1280x720 (the projector case); otherwise 1280x800.
import { launchChromium } from './chromium.mjs';
import { pastStartCard } from './startCard.mjs';

const args = process.argv.slice(2);
const present = args.includes('--present');
const [
  base = 'http://127.0.0.1:4173/',
  out = present ? 'docs/screenshot-semantic-lock-present.png' : 'docs/screenshot-semantic-lock.png',
] = args.filter((a) => !a.startsWith('--'));
const TITLE = 'A timed-out step: unknown outcome, semantic lock';

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: present ? 720 : 800 } });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(base);
  await pastStartCard(page);
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const href = await page
    .getByRole('dialog')
    .getByRole('link', { name: TITLE, exact: true })
    .getAttribute('href');
  const link = new URL(href, base);
  if (present) link.searchParams.set('present', '1');
  await page.goto(link.toString());
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(async () => {
    await window.playground.ready();
    await window.playground.runToEnd();
  });
  // Running to the end is heavy traffic for the canvas: wait until it animates again.
  await page.getByTestId('load-badge').waitFor({ state: 'detached', timeout: 30_000 });
  if (!present) {
    await page.getByRole('tab', { name: 'Sagas' }).click();
    await page.locator('.saga-table tbody tr').first().click();
  }
  await page.waitForTimeout(1500);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
}
