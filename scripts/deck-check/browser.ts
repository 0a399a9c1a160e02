// One headless Chromium (Debian's, via Playwright) with the harness page open and its proof runner connected.

import { chromium, type Browser, type Page } from '@playwright/test';
// @ts-expect-error plain ESM helper without type declarations
import { CHROMIUM_ARGS, findChromium } from '../lib/chromium.mjs';
import type { ProofResult } from '../../main/contract/proof';
import type { BackendChoice, BackendInfo } from '../../renderer/proof/protocol';
import type { RunOptions } from '../../renderer/proof/host/runner';
import { startProofHosts, type ProofHosts } from './harnessServer';

export interface ProofBrowser {
  page: Page;
  hosts: ProofHosts;
  backends(): Promise<BackendInfo[]>;
  warmUp(backend: BackendChoice): Promise<{ backend: string | null; ms: number; error: string | null }>;
  run(options: RunOptions): Promise<ProofResult>;
  close(): Promise<void>;
}

export async function openProofBrowser(rendererDir: string, { headless = true } = {}): Promise<ProofBrowser> {
  const executablePath: string = await findChromium();
  const hosts = await startProofHosts(rendererDir);
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS as string[] });
    const page = await browser.newPage();
    await page.goto(hosts.harnessUrl);
    await page.waitForFunction(() => Boolean(window.proofHarness), undefined, { timeout: 20_000 });
    const opened = browser;
    return {
      page,
      hosts,
      backends: () => page.evaluate(() => window.proofHarness!.backends()),
      warmUp: (backend) => page.evaluate((choice) => window.proofHarness!.warmUp(choice), backend),
      run: (options) => page.evaluate((runOptions) => window.proofHarness!.run(runOptions), options),
      async close() {
        await opened.close().catch(() => undefined);
        await hosts.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await hosts.close();
    throw error;
  }
}
