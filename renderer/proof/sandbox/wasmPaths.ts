// The tfjs wasm binaries, bundled by Vite next to the sandbox (no CDN: the app is offline), as absolute URLs.
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export function bundledWasmPaths(base: string): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': new URL(wasmPlainUrl, base).href,
    'tfjs-backend-wasm-simd.wasm': new URL(wasmSimdUrl, base).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(wasmThreadedUrl, base).href,
  };
}
