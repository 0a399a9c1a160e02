// The GPU switches the desktop app appends (decided from Chromium's documentation for Electron 45, not measured).
import { describe, expect, it } from 'vitest';
import { gpuSwitches } from '../../../main/electron/gpuSwitches';

describe('GPU switches', () => {
  it('enables WebGPU behind its flag only on Linux, where Chromium 140 has not shipped it', () => {
    expect(gpuSwitches('linux')).toEqual(['enable-unsafe-webgpu']);
    expect(gpuSwitches('darwin')).toEqual([]);
    expect(gpuSwitches('win32')).toEqual([]);
  });

  it('never overrides the GPU blocklist: proofs from shared decks do not run on drivers Chromium distrusts', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) expect(gpuSwitches(platform)).not.toContain('ignore-gpu-blocklist');
  });
});
