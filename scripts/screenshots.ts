// `npm run screenshots [-- --lang zh-CN|en]`: the README's and closing notes' pictures, taken the way a user sees
// the app. Starts browser mode in process on a throwaway data folder with the built-in decks, opens it in the
// Chromium the tests use with the system language and colour scheme set (the defaults follow both), and writes
// home, a review with its proof run and browse, light and dark, each from a fresh collection, to docs/screenshots/<screen>-<lang>-<scheme>.png.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, type Page } from '@playwright/test';
import { startWebHost } from '../main/web/server';
import { ensureBuilt, repoRoot } from './lib/build.mjs';
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.mjs';

/** The card the review picture shows: the best-known question of the deck, with math, checks and a plot. */
const REVIEW_CARD = 't-scale-variance';
const SCHEMES = ['light', 'dark'] as const;

function languageArg(args: string[]): string {
  const at = args.indexOf('--lang');
  const lang = at >= 0 ? args[at + 1] : 'zh-CN';
  if (lang !== 'zh-CN' && lang !== 'en') throw new Error(`--lang takes zh-CN or en, not ${lang}`);
  return lang;
}

/** Studies all decks, answering Good, until the review card is up; then shows its answer and waits for the proof. */
async function reviewWithProof(page: Page): Promise<void> {
  await page.keyboard.press('s');
  const card = page.locator('article.card');
  for (let i = 0; i < 40 && (await card.getAttribute('data-card-id')) !== REVIEW_CARD; i++) {
    await page.keyboard.press('Space');
    await page.keyboard.press('3');
    await page.waitForTimeout(50);
  }
  await expect(card).toHaveAttribute('data-card-id', REVIEW_CARD);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('proof-verdict')).toBeVisible({ timeout: 60_000 });
  await expect(card.locator('.proof-plot svg').first()).toBeVisible();
}

async function main(): Promise<void> {
  const lang = languageArg(process.argv.slice(2));
  ensureBuilt();
  const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
  try {
    // Each scheme starts from a fresh collection, so both show the same counts and the same first review.
    for (const scheme of SCHEMES) {
      const dataDir = mkdtempSync(join(tmpdir(), 'proofdeck-screens-'));
      const host = await startWebHost({ dataDir, builtInDeckDir: join(repoRoot, 'decks'), rendererDir: join(repoRoot, 'out/renderer'), port: 0 });
      const context = await browser.newContext({ locale: lang, colorScheme: scheme, viewport: { width: 1280, height: 1040 } });
      const page = await context.newPage();
      const shot = async (screen: string) => {
        const path = join(repoRoot, 'docs/screenshots', `${screen}-${lang}-${scheme}.png`);
        await page.screenshot({ path });
        console.log(path);
      };
      await page.goto(host.url);
      await expect(page.getByTestId('deck-list')).toBeVisible();
      await shot('home');
      await reviewWithProof(page);
      await shot('review-proof');
      await page.keyboard.press('Escape');
      await page.keyboard.press('b');
      await expect(page.locator('.browse-row[data-card-id]').first()).toBeVisible();
      await shot('browse');
      await context.close();
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: Error) => {
  console.error(`screenshots: ${error.message}`);
  process.exit(1);
});
