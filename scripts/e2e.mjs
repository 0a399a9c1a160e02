// `npm run test:e2e [-- playwright args]`: the end-to-end step of `npm test` on its own. Finds a Chromium the
// way `npm test` does (Playwright's, else the system's, installing Debian's as root), builds when out/ is
// missing or stale, then runs `playwright test` with any extra arguments passed through, e.g.
// `npm run test:e2e -- tests/e2e/review.spec.ts --project browser`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findChromium } from './lib/chromium.mjs';
import { ensureBuilt, repoRoot } from './lib/build.mjs';

const chromium = await findChromium();
console.log(`Chromium: ${chromium}`);

// Built here (not only in Playwright's global setup) so a failed build stops before any spec starts.
ensureBuilt();

const result = spawnSync(join(repoRoot, 'node_modules/.bin/playwright'), ['test', ...process.argv.slice(2)], {
  cwd: repoRoot,
  stdio: 'inherit',
  env: { ...process.env, PROOFDECK_CHROMIUM: chromium },
});
process.exit(result.status ?? 1);
