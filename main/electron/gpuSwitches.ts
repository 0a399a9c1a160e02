// Chromium switches for proofs on the GPU, decided from documentation for the pinned Electron 45 (Chromium 140),
// NOT MEASURED HERE: Electron cannot run on these machines, and FACTS.md's GPU measurements were made with
// Chromium's own binary (where `--enable-unsafe-webgpu` was needed on Linux).
// - WebGPU ships enabled in Chromium on Windows (x86/x64), macOS and ChromeOS since 113; on Linux it is still
//   behind `--enable-unsafe-webgpu` (gpuweb's implementation-status wiki, Nov 2025; electron/electron#41763 reports
//   `requestAdapter()` failing in Electron on Linux without it). So the switch is appended on Linux only: elsewhere
//   it would only widen what the proof sandbox can reach (unsafe WebGPU APIs) for nothing.
// - `ignore-gpu-blocklist` is not needed for WebGPU: it forces GPU features on drivers Chromium has blocklisted as
//   crashing or unsafe, and proofs come from shared (untrusted) decks. Without it such a machine runs proofs on wasm,
//   correctly and more slowly (proof-sized work is dispatch-bound anyway, FACTS.md). Dropped.
export function gpuSwitches(platform: NodeJS.Platform): string[] {
  return platform === 'linux' ? ['enable-unsafe-webgpu'] : [];
}
