// Backend probing, choice and start-up inside the proof worker. Runs before any proof code, in a fresh worker.
// FACTS.md: flags are read once, so they are set before tf.ready(); CPU forwarding of small tensors is off so a
// GPU result really came from the GPU; software renderers are named as such and never chosen over wasm.

import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { ProofBackend } from '../../../main/contract/proof';
import type { BackendChoice, BackendInfo } from '../protocol';

export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|lavapipe|software|basic render|warp/i;
const UNMASKED_RENDERER_WEBGL = 0x9246;

/** Order for `auto`: a real GPU first (WebGPU ≫ WebGL on big work), then wasm, then plain JS. */
const AUTO_ORDER: ProofBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function probeWebGpu(): Promise<BackendInfo> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(o?: object): Promise<GpuAdapterLike | null> } }).gpu;
  if (!gpu) return { backend: 'webgpu', available: false, device: 'WebGPU is not exposed here (needs a secure context and a supporting GPU)', software: false };
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { backend: 'webgpu', available: false, device: 'no WebGPU adapter', software: false };
    const info = adapter.info ?? {};
    const name = [info.description, info.vendor, info.architecture, info.device].filter(Boolean).join(' ').trim() || 'unnamed adapter';
    const software = Boolean(info.isFallbackAdapter ?? adapter.isFallbackAdapter) || SOFTWARE_RENDERER.test(name);
    return { backend: 'webgpu', available: true, device: software ? `${name} (software)` : name, software };
  } catch (error) {
    return { backend: 'webgpu', available: false, device: `WebGPU failed: ${describeError(error)}`, software: false };
  }
}

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string; isFallbackAdapter?: boolean };
  isFallbackAdapter?: boolean;
}

function probeWebGl(): BackendInfo {
  try {
    const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
    if (!gl) return { backend: 'webgl', available: false, device: 'no WebGL 2 context', software: false };
    const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
    const renderer = String(gl.getParameter(debugInfo ? UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    const software = SOFTWARE_RENDERER.test(renderer);
    const device = /swiftshader/i.test(renderer) ? 'SwiftShader (software)' : software ? `${renderer} (software)` : renderer;
    return { backend: 'webgl', available: true, device, software };
  } catch (error) {
    return { backend: 'webgl', available: false, device: `WebGL failed: ${describeError(error)}`, software: false };
  }
}

async function probeWasm(): Promise<BackendInfo> {
  if (typeof WebAssembly !== 'object') return { backend: 'wasm', available: false, device: 'WebAssembly is not available', software: false };
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT').catch(() => false);
  return { backend: 'wasm', available: true, device: simd ? 'CPU (wasm SIMD)' : 'CPU (wasm)', software: false };
}

export async function probeBackends(): Promise<BackendInfo[]> {
  const [webgpu, wasm] = await Promise.all([probeWebGpu(), probeWasm()]);
  return [{ backend: 'cpu', available: true, device: 'CPU (JavaScript)', software: false }, wasm, probeWebGl(), webgpu];
}

/** Candidates to try, best first: pinned → just that one; auto → hardware GPUs, then wasm, then cpu. */
export function backendCandidates(choice: BackendChoice, infos: BackendInfo[]): BackendInfo[] {
  if (choice !== 'auto') return infos.filter((info) => info.backend === choice);
  return AUTO_ORDER.map((name) => infos.find((info) => info.backend === name)!)
    .filter((info) => info && info.available && !info.software);
}

/** Refuses any tensor above the cap before the backend allocates it (a GPU process can die of one huge texture). */
function capTensorSize(maxElements: number): void {
  const backend = tf.backend() as unknown as Record<string, unknown>;
  const check = (shape: unknown) => {
    const size = Array.isArray(shape) ? shape.reduce((product: number, dim: number) => product * dim, 1) : 0;
    if (size > maxElements) {
      throw new RangeError(`A tensor of shape [${(shape as number[]).join(',')}] (${size} elements) is above the proof cap of ${maxElements} elements.`);
    }
  };
  const wrap = (method: string, shapeArgument: number) => {
    const original = backend[method];
    if (typeof original !== 'function') return;
    backend[method] = function (this: unknown, ...args: unknown[]) {
      check(args[shapeArgument]);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    };
  };
  wrap('write', 1); // write(values, shape, dtype)
  wrap('makeTensorInfo', 0); // makeTensorInfo(shape, dtype, values)
  wrap('makeOutput', 0); // wasm: makeOutput(shape, dtype, …)
}

/**
 * Runs the ops proofs use most on tiny tensors before the worker reports ready, so first-use costs (JIT of the
 * kernels) are paid while the user reads the card, not after they reveal it. Measured on the shipped proofs (2-core
 * VM): median proof body in a fresh worker 50 → 25 ms (cpu), 24 → 13 ms (wasm), for ~100 ms more worker start.
 * Everything is disposed: the proof starts from zero tensors.
 */
function warmUpKernels(): void {
  tf.tidy(() => {
    const a = tf.randomNormal([8, 8], 0, 1, 'float32', 1);
    const b = tf.randomNormal([8, 8], 0, 1, 'float32', 2);
    const outputs = [
      tf.matMul(a, b), tf.softmax(a), tf.add(a, b), tf.sub(a, b), tf.mul(a, b), tf.div(a, tf.add(tf.abs(b), 1)),
      tf.exp(a), tf.log(tf.add(tf.abs(a), 1)), tf.sqrt(tf.abs(a)), tf.square(a), tf.relu(a), tf.sigmoid(a), tf.tanh(a),
      tf.sum(a), tf.mean(a, 0), tf.max(a, 1), tf.argMax(a, 1), tf.transpose(a), tf.concat([a, b]), tf.reshape(a, [64]),
      tf.slice(a, [0, 0], [2, 2]), tf.grad((x: tf.Tensor) => tf.sum(tf.square(x)))(a),
    ];
    for (const output of outputs) output.dataSync();
  });
}

export interface StartedBackend {
  backend: ProofBackend | null;
  device: string;
  error: string | null;
}

/** `knownInfos`: the sandbox page's cached probe, so a fresh worker does not create GL/GPU contexts twice. */
export async function startBackend(
  choice: BackendChoice,
  wasmPaths: Record<string, string>,
  maxTensorElements: number,
  knownInfos: BackendInfo[] | null,
): Promise<StartedBackend> {
  const env = tf.env();
  env.set('WEBGL_CPU_FORWARD', false);
  env.set('WEBGPU_CPU_FORWARD', false);
  setWasmPaths(wasmPaths);
  const infos = knownInfos ?? (await probeBackends());
  const candidates = backendCandidates(choice, infos);
  const reasons: string[] = [];
  if (choice !== 'auto' && !candidates[0]?.available) {
    return { backend: null, device: '', error: `The ${choice} backend is not available here: ${candidates[0]?.device ?? 'unknown backend'}.` };
  }
  for (const candidate of candidates) {
    try {
      if (await tf.setBackend(candidate.backend)) {
        await tf.ready();
        capTensorSize(maxTensorElements);
        // GPU backends compile shape-specific shaders, so a warm-up there costs more than it saves (measured).
        if (candidate.backend === 'cpu' || candidate.backend === 'wasm') warmUpKernels();
        let device = candidate.device;
        if (candidate.backend === 'webgl' && !env.getBool('WEBGL_RENDER_FLOAT32_ENABLED')) device += ' (float16 textures: expect ~1e-2 errors)';
        return { backend: candidate.backend, device, error: null };
      }
      reasons.push(`${candidate.backend}: failed to initialise`);
    } catch (error) {
      reasons.push(`${candidate.backend}: ${describeError(error)}`);
    }
  }
  return { backend: null, device: '', error: `No proof backend could start (${reasons.join('; ') || 'none available'}).` };
}

export { tf };
