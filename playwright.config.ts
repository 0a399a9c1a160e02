import { defineConfig } from '@playwright/test';

// Browser mode runs everywhere on Debian's Chromium; the same specs run against Electron where its binary is
// installed (the electron project skips with a printed reason otherwise). 2-core machines: one worker.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: process.env.PROOFDECK_PW_JSON
    ? [['list'], ['json', { outputFile: process.env.PROOFDECK_PW_JSON }]]
    : [['list']],
  use: { trace: 'off', screenshot: 'off', video: 'off' },
  projects: [
    { name: 'browser', use: { appMode: 'browser' } as object },
    { name: 'electron', use: { appMode: 'electron' } as object },
  ],
});
