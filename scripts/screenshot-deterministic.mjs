// Screenshot a deterministic run part-way, with the Faults tab open.
// Usage: node scripts/screenshot-deterministic.mjs <url with #s/v1/… link> [out.png] [steps]
import { launchChromium } from './chromium.mjs';
import { pastStartCard } from './startCard.mjs';

const [url, out = 'docs/screenshot-deterministic.png', steps = '25'] = process.argv.slice(2);
if (!url) {
  console.error(
    'usage: node scripts/screenshot-deterministic.mjs <url with a deterministic #s/v1/… link> [out.png] [steps]',
  );
  process.exit(2);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  await page.goto(url);
  await pastStartCard(page);
  await page.waitForSelector('.service-node');
  await page.waitForFunction(() => window.playground);
  await page.evaluate(() => window.playground.ready());
  await page.evaluate(async (n) => {
    for (let i = 0; i < n; i++) await window.playground.step();
  }, Number(steps));
  // Granting steps back to back is heavy traffic for the canvas: wait until it animates again.
  await page.getByTestId('load-badge').waitFor({ state: 'detached', timeout: 30_000 });
  await page.getByRole('tab', { name: /Faults/ }).click();
  await page.waitForTimeout(800);
  await page.screenshot({ path: out });
  console.log(`saved ${out}`, await page.evaluate(() => JSON.stringify(window.playground.sim())));
} finally {
  await browser.close();
}
