// Screenshot of a workshop's presenter page at 1280x800 (docs/screenshot-workshop-presenter.png): runs
// `npm run workshop` on 127.0.0.1, opens one browser context per service from its join link and the
// presenter's link, places 6 orders from the presenter, then closes the payment tab (its crash), so the
// presenter shows payment DOWN with orders waiting for it. Usage: node scripts/screenshot-workshop.mjs [out.png]
import { spawn } from 'node:child_process';
import { launchChromium } from './chromium.mjs';

const out = process.argv[2] ?? 'docs/screenshot-workshop-presenter.png';
const command = spawn(
  'node',
  [
    'scripts/workshop.mjs',
    '--host',
    '127.0.0.1',
    '--run',
    'room-42',
    '--port',
    '4491',
    '--ws-port',
    '4492',
    '--nats-port',
    '4493',
    '--dist',
    process.env.WORKSHOP_DIST ?? 'dist',
    '--pace',
    'teaching',
  ],
  { stdio: ['pipe', 'pipe', 'inherit'] },
);
let said = '';
command.stdout.on('data', (chunk) => (said += chunk));
while (!said.includes('Ctrl-C')) await new Promise((r) => setTimeout(r, 100));
const link = (who) => said.match(new RegExp(`^${who}: (\\S+)$`, 'm'))[1];
const browser = await launchChromium();
try {
  const open = async (url) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.playground !== undefined);
    await page.evaluate(() => window.playground.ready());
    return page;
  };
  const pages = {};
  for (const service of ['order', 'payment', 'inventory', 'shipping'])
    pages[service] = await open(link(`join ${service}`));
  const presenter = await open(link('presenter'));
  await presenter.locator('[data-presence="remote"][data-status="running"]').nth(3).waitFor();
  await presenter.evaluate(() => window.playground.placeOrders(6));
  await presenter.waitForTimeout(4000);
  await pages.payment.close();
  await presenter.locator('[data-testid="node-payment"][data-presence="down"]').waitFor();
  await presenter.evaluate(() => window.playground.placeOrders(2));
  await presenter.waitForTimeout(2000);
  await presenter.screenshot({ path: out });
  console.log(`saved ${out}`);
} finally {
  await browser.close();
  command.kill('SIGINT');
}
