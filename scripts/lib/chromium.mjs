// Finds a Chromium for Playwright: Playwright's own download where one is installed, else the system's
// (Debian's /usr/bin/chromium). As root with apt available it installs Debian's; otherwise it stops with
// a one-line instruction. Used by the test runner, deck:check and the benches.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

async function playwrightOwnChromium() {
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

export async function findChromium({ install = true, log = (m) => process.stderr.write(m + '\n') } = {}) {
  if (process.env.PROOFDECK_CHROMIUM && existsSync(process.env.PROOFDECK_CHROMIUM)) return process.env.PROOFDECK_CHROMIUM;
  const own = await playwrightOwnChromium();
  if (own) return own;
  const system = SYSTEM_CANDIDATES.find((p) => existsSync(p));
  if (system) return system;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (install && isRoot && existsSync('/usr/bin/apt-get')) {
    log('No Chromium found: installing Debian\'s (apt-get install -y chromium)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-cjk'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = SYSTEM_CANDIDATES.find((p) => existsSync(p));
    if (installed) return installed;
  }
  throw new Error(
    'No Chromium found: install one with `sudo apt-get install -y chromium` (or set PROOFDECK_CHROMIUM=/path/to/chrome) and run again.',
  );
}

/** Flags for headless runs on machines with a closed network (FACTS.md), plus what WebGL/WebGPU need. */
export const CHROMIUM_ARGS = [
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--enable-unsafe-webgpu',
  '--ignore-gpu-blocklist',
];
