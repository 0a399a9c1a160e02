import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The FSRS optimizer's worker is its own entry, built beside index.js where optimizerRunner.ts looks for it.
      lib: { entry: { index: resolve(root, 'main/index.ts'), optimizerWorker: resolve(root, 'main/services/optimizerWorker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module.
      lib: { entry: resolve(root, 'main/preload.ts'), formats: ['cjs'] },
      rollupOptions: { output: { entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [svelte({ configFile: resolve(root, 'svelte.config.js') })],
    build: {
      outDir: resolve(root, 'out/renderer'),
      target: 'es2022',
      chunkSizeWarningLimit: 4096,
      rollupOptions: {
        input: {
          index: resolve(root, 'renderer/index.html'),
          sandbox: resolve(root, 'renderer/sandbox.html'),
          // Headless host page for deck:check, the proof bench and e2e specs (same runner and sandbox as the app).
          proofHarness: resolve(root, 'renderer/proof-harness.html'),
        },
      },
    },
    worker: { format: 'es' },
  },
});
