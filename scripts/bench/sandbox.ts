// Sandbox responsiveness bench: how the host page draws frames while a proof spins forever in the sandbox, beside
// the same page idle in the same browser, as a ratio. tests/e2e/proof-sandbox.spec.ts checks that frames are drawn
// at all while the loop runs; the rate and the longest gap are here. Numbers, not assertions.
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { openProofBrowser } from '../deck-check/browser';
import { ensureRendererBuild } from '../deck-check/build';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const SPIN_MS = 3000;

interface Frames {
  perSecond: number;
  longestGapMs: number;
}

// Page code as strings: tsx wraps named functions in a __name() helper that does not exist in the page.
const START_FRAMES = `(() => {
  window.frameTimes = [];
  window.recording = true;
  // A recorder started right after a stop must not revive the old chain, whose next frame is still queued.
  const generation = (window.frameGeneration = (window.frameGeneration ?? 0) + 1);
  const tick = (at) => {
    if (!window.recording || generation !== window.frameGeneration) return;
    window.frameTimes.push(at);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_FRAMES = `(() => {
  window.recording = false;
  const times = window.frameTimes;
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  return { perSecond: ((times.length - 1) / (times.at(-1) - times[0])) * 1000, longestGapMs: Math.max(...gaps) };
})()`;

/** Starts recording frame timestamps on the page. */
const startFrames = (page: Page) => page.evaluate(START_FRAMES);

/** Stops recording and summarises the frames drawn. */
const stopFrames = (page: Page) => page.evaluate(STOP_FRAMES) as Promise<Frames>;

const row = (label: string, frames: Frames, idle: Frames) =>
  console.log(
    `${label.padEnd(34)} ${frames.perSecond.toFixed(1).padStart(6)} frames/s (idle ${idle.perSecond.toFixed(1)}, ratio ${(frames.perSecond / idle.perSecond).toFixed(2)}×)   longest gap ${frames.longestGapMs.toFixed(1)} ms (idle ${idle.longestGapMs.toFixed(1)} ms)`,
  );

export async function benchSandbox(): Promise<void> {
  const browser = await openProofBrowser(await ensureRendererBuild(repoRoot, (line) => process.stderr.write(`${line}\n`)));
  try {
    await browser.run({ code: "check.true('warm', true)", lang: 'js', backend: 'cpu' });
    await startFrames(browser.page);
    await new Promise((resolve) => setTimeout(resolve, SPIN_MS)); // the idle baseline: the same span, nothing running
    const idle = await stopFrames(browser.page);
    await startFrames(browser.page);
    await browser.run({ code: "check.true('reached', true); while (true) {}", lang: 'js', backend: 'cpu', timeoutMs: SPIN_MS });
    const spinning = await stopFrames(browser.page);
    console.log(`\n## Sandbox: the host page's frames while a proof loops for ${SPIN_MS / 1000} s (cpu backend)`);
    row('host page, proof spinning', spinning, idle);
  } finally {
    await browser.close();
  }
}
