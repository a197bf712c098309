// chromium.mjs — the one way the browser tests start Chromium: Debian's
// Chromium at CHROMIUM (never a downloaded browser), driven by
// playwright-core, with no background traffic, so that the checks that no
// request leaves 127.0.0.1 see only the site's own requests.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}
