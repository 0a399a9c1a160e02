// Renders build/icon.svg to build/icon.png (512×512, transparent corners) with the Chromium the tests use;
// electron-builder derives each platform's icon (icns, ico, Linux sizes) from that PNG. Run after editing the SVG.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { repoRoot } from './lib/build.mjs';
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.mjs';

const svg = readFileSync(join(repoRoot, 'build/icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 512, height: 512 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: join(repoRoot, 'build/icon.png'), omitBackground: true });
} finally {
  await browser.close();
}
console.error('ProofDeck: wrote build/icon.png');
