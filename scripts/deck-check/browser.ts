// One headless Chromium (Debian's, via Playwright) with the harness page open and its proof runner connected.

import { chromium, type Browser, type Page } from '@playwright/test';
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
  /** Calls any window.proofHarness method with one JSON argument, over CDP (see below). */
  call<T>(method: string, argument: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function openProofBrowser(rendererDir: string, { headless = true, allowEval = false } = {}): Promise<ProofBrowser> {
  const executablePath: string = await findChromium();
  const hosts = await startProofHosts(rendererDir, { allowEval });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath, headless, args: CHROMIUM_ARGS as string[] });
    const page = await browser.newPage();
    await page.goto(hosts.harnessUrl);
    await page.waitForFunction(() => Boolean(window.proofHarness), undefined, { timeout: 20_000 });
    const opened = browser;
    // Calls go over a raw CDP session, not page.evaluate: Playwright reports a crash of the sandbox's own
    // (out-of-process) iframe as a crash of the whole page and rejects every pending evaluate, although the host
    // page lives on and the runner replaces the sandbox — which is exactly what a proof that exhausts memory does.
    const cdp = await page.context().newCDPSession(page);
    const call = async <T>(method: string, argument: unknown): Promise<T> => {
      const expression = `window.proofHarness.${method}(${JSON.stringify(argument)}).then((value) => JSON.stringify(value))`;
      const reply = await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (reply.exceptionDetails) throw new Error(`proofHarness.${method} failed: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
      return JSON.parse(reply.result.value as string) as T;
    };
    return {
      page,
      hosts,
      backends: () => call<BackendInfo[]>('backends', undefined),
      warmUp: (backend) => call('warmUp', backend),
      run: (options) => call<ProofResult>('run', options),
      call,
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
