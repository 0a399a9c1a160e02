import { openProofBrowser } from './browser';
const b = await openProofBrowser('/tmp/pdbuild/renderer');
try {
  await b.backends();
  await b.warmUp('wasm');
  await new Promise((r) => setTimeout(r, 1500));
  const t0 = performance.now();
  const times = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    const r = await b.run({ code: "check.close('m', tf.matMul(tf.ones([8,8]), tf.ones([8,8])).sum(), 512)", lang: 'js', backend: 'wasm' });
    times.push((performance.now() - t).toFixed(0));
  }
  console.log(times.join(' '), '10 runs', (performance.now() - t0).toFixed(0));
} finally { await b.close(); }
