// Debian's Chromium, launched the one way every script here needs it: never a
// downloaded browser, and no background traffic this machine's network refuses.
import { chromium } from '@playwright/test';

export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium() {
  return chromium.launch({ executablePath, args: chromiumArgs });
}
