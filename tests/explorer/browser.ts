// Debian's Chromium, driven by playwright-core (no browser download). Where
// none is installed, the end-to-end tests say so and are skipped.

import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export const CHROMIUM = CANDIDATES.find((path): path is string => Boolean(path) && existsSync(path!));

if (!CHROMIUM) console.warn(`[explorer e2e] skipped: no Chromium at ${CANDIDATES.filter(Boolean).join(', ')} (apt-get install chromium, or set CHROMIUM_PATH)`);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      // as root in CI, and on a machine without a GPU: WebGL through SwiftShader
      '--no-sandbox',
      '--disable-gpu',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      // a closed network: no calls home
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
