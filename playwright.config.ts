import { defineConfig, devices } from '@playwright/test';
import type { PlaygroundOptions } from './e2e/fixtures';

// Never download a browser: Debian's chromium is the one we drive.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// The production build is served by `vite preview`; E2E_PORT moves it when 4173 is taken.
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig<PlaygroundOptions>({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  // Starts a nats-server (JetStream + WebSocket) for the runs on broker nats, when it is installed.
  globalSetup: './e2e/natsServer.ts',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'on-first-retry',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: ['nats-*.spec.ts'],
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
    // The runtime's crash tests again, unchanged, with every outbox relayed by tailing the change log.
    {
      name: 'log-tailing-relay',
      testMatch: ['orders.spec.ts', 'resume.spec.ts'],
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1280, height: 800 },
        openQuery: 'pace=fast&relay=log-tailing',
      },
    },
    // The runtime's crash, resume, saga and relay specs again on NATS JetStream (a real nats-server, over
    // WebSocket), and NATS's own specs. Crashing the broker's worker is the local broker's own fault (on NATS the
    // server itself is stopped: nats-orders.spec.ts), so that test stays the local broker's.
    {
      name: 'nats',
      testMatch: [
        'orders.spec.ts',
        'resume.spec.ts',
        'sagas.spec.ts',
        'relay-modes.spec.ts',
        'nats-*.spec.ts',
      ],
      grepInvert: /the broker crashed and restarted/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 }, natsBroker: true },
    },
  ],
  webServer: {
    // E2E_DIST serves another build directory, so parallel checkouts of work do not share dist/.
    command: `npx vite preview --port ${port} --strictPort --host 127.0.0.1 --outDir ${process.env.E2E_DIST ?? 'dist'}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
