// Mutation tests for decks/1-transformer.md: each case rewrites one card's proof IN MEMORY the way a
// mistaken candidate would write the formula, and the proof must then fail on a named check while the
// original passes. A proof that still passes with a wrong formula proves nothing, so it must be rewritten.
// The deck file is only read, never modified.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { runProofInNode } from '../../../scripts/proof-node';
import { describeFailure, expectMutantFails, proofOf as proofOfCard, type Mutation } from './mutation';

const DECK_PATH = 'decks/1-transformer.md';
const deckText = readFileSync(new URL('../../../decks/1-transformer.md', import.meta.url), 'utf8');
const parsed = parseDeck(deckText, DECK_PATH);


const MUTATIONS: Mutation[] = [
  {
    card: 't-attn-formula',
    mistake: 'drops the 1/√d_k scaling from softmax(QKᵀ/√d_k)V',
    from: 'tf.matMul(Q, K, false, true).div(Math.sqrt(d))',
    to: 'tf.matMul(Q, K, false, true)',
    failingCheck: /triple loop/,
  },
  {
    card: 't-scale-variance',
    mistake: 'divides the dot product by d_k instead of √d_k',
    from: 'dots.div(Math.sqrt(dk))',
    to: 'dots.div(dk)',
    failingCheck: /Var\(q·k\/√d_k\) ≈ 1/,
  },
  {
    card: 't-selfattn-shapes',
    mistake: 'views [b,n,H] directly as [b,h,n,d_h] instead of view [b,n,h,d_h] + permute',
    from: 't.reshape([b, n, h, dHead]).transpose([0, 2, 1, 3])',
    to: 't.reshape([b, h, n, dHead])',
    failingCheck: /batched heads == loop/,
  },
  {
    card: 't-attn-mask',
    mistake: 'multiplies the scores by the mask instead of adding (1 − m)·(−10⁴)',
    from: 'tf.softmax(tf.add(scores, extendedMask))',
    to: 'tf.softmax(tf.mul(scores, mask.expandDims(1)))',
    failingCheck: /padded keys get \(numerically\) zero weight/,
  },
  {
    card: 't-layernorm',
    mistake: 'uses the unbiased variance (divides by H − 1)',
    from: 't.sub(mean).square().mean(-1, true)',
    to: 't.sub(mean).square().sum(-1, true).div(H - 1)',
    failingCheck: /manual LayerNorm == tf\.layers/,
  },
  {
    card: 't-scale-saturation',
    mistake: 'writes the softmax Jacobian as diag(p) + ppᵀ',
    from: '(i === j ? pi : 0) - pi * pj',
    to: '(i === j ? pi : 0) + pi * pj',
    failingCheck: /tf\.grad Jacobian/,
  },
  {
    card: 't-speed-distill',
    mistake: 'scales the soft loss by T instead of T²',
    from: 'tf.grad(softCe(T, T * T))(student)',
    to: 'tf.grad(softCe(T, T))(student)',
    failingCheck: /T·\(p_s − p_t\)/,
  },
  {
    card: 't-bert-attn',
    mistake: 'declares only W_Q, W_K, W_V (the 1.1 listing) and forgets W_O',
    from: '...linear(`${at}.attention.output.dense`, H, H),',
    to: '',
    failingCheck: /× 12 layers/,
  },
  {
    card: 't-mha-prune',
    mistake: 'removes the wrong block of W_O rows when a head is pruned',
    from: 'const keptRowsOfWo = [0, 1, 2, 3, 4, 5, 9, 10, 11];',
    to: 'const keptRowsOfWo = [0, 1, 2, 3, 4, 5, 6, 7, 8];',
    failingCheck: /ξ_2 = 0 == delete head 2/,
  },
  {
    card: 't-tok-wordpiece',
    mistake: 'scores WordPiece merges by raw pair frequency, like BPE',
    from: 'const score = cab.div(ca.mul(cb));',
    to: 'const score = cab;',
    failingCheck: /WordPiece merges the best-scoring pair/,
  },
  {
    card: 't-speed-quant',
    mistake: 'takes the int8 scale as max|W|/255 (unsigned range) for symmetric codes',
    from: 'W.abs().max().div(127)',
    to: 'W.abs().max().div(255)',
    failingCheck: /every weight error ≤ s\/2/,
  },
  {
    card: 't-align-uniform',
    mistake: 'forgets to put the positive features back on the unit sphere',
    from: 'const positives = normalize(spread.add(',
    to: 'const positives = (spread.add(',
    failingCheck: /L_align = 2 − 2·E\[cos\]/,
  },
  {
    card: 't-layernorm',
    mistake: 'puts ε outside the square root, (x − μ)/(σ + ε)',
    from: 'return t.sub(mean).div(variance.add(epsilon).sqrt());',
    to: 'return t.sub(mean).div(variance.sqrt().add(epsilon));',
    failingCheck: /ε inside the sqrt: manual\(ε = 1e-3\) == tf\.layers default/,
  },
  {
    card: 't-attn-dropout',
    mistake: 'scales the kept attention weights by (1 − p) instead of 1/(1 − p)',
    from: 'tf.dropout(tf.tile(P.expandDims(0), [copies, 1, 1]), p, undefined, 7)',
    to: 'tf.dropout(tf.tile(P.expandDims(0), [copies, 1, 1]), p, undefined, 7).mul((1 - p) ** 2)',
    failingCheck: /kept entries are scaled by exactly 1\/\(1 − p\)/,
  },
  {
    card: 't-mha-why',
    mistake: 'gives each head d_h + 1 columns of Q and K (the head width is not d/h)',
    from: 'const Qi = Q.slice([0, 0], [n, dHead]), Ki = K.slice([0, 0], [n, dHead]);',
    to: 'const Qi = Q.slice([0, 0], [n, dHead + 1]), Ki = K.slice([0, 0], [n, dHead + 1]);',
    failingCheck: /rank of one head’s scores = d_h/,
  },
  {
    card: 't-bert-emb',
    mistake: 'forgets the token-type (segment) table',
    from: "['embeddings.token_type_embeddings.weight', [T, H]], ",
    to: '',
    failingCheck: /\(30522 \+ 512 \+ 2\) × 768/,
  },
  {
    card: 't-bert-ffn',
    mistake: 'declares the FFN up-projection as H→H (intermediate size = H)',
    from: 'linear(`${at}.intermediate.dense`, H, I)',
    to: 'linear(`${at}.intermediate.dense`, H, H)',
    failingCheck: /2 · 768 · 3072 per layer/,
  },
  {
    card: 't-bert-ln',
    mistake: 'forgets the LayerNorm after the embeddings',
    from: "['embeddings.token_type_embeddings.weight', [T, H]], ...layerNorm('embeddings.LayerNorm')];",
    to: "['embeddings.token_type_embeddings.weight', [T, H]]];",
    failingCheck: /1 after embeddings \+ 2 per layer/,
  },
  {
    card: 't-bert-total',
    mistake: 'counts the NSP head without its bias',
    from: 'const nsp = size([768, 2]) + 2;',
    to: 'const nsp = size([768, 2]);',
    failingCheck: /BertForPreTraining/,
  },
  {
    card: 't-ln-vs-bn',
    mistake: 'normalises over the feature axis for BN and the batch axis for LN (axes swapped)',
    from: 'const batchNorm = rowsOf(normalize(x, 0)), layerNorm = rowsOf(normalize(x, 1));',
    to: 'const batchNorm = rowsOf(normalize(x, 1)), layerNorm = rowsOf(normalize(x, 0));',
    failingCheck: /BN: every feature has mean 0 over the batch/,
  },
  {
    card: 't-tok-unigram',
    mistake: 'adds piece probabilities instead of log-probabilities along a segmentation',
    from: 'const score = best[start] + Math.log(vocab[piece]);',
    to: 'const score = best[start] + vocab[piece];',
    failingCheck: /removal costs/,
  },
  {
    card: 't-speed-two-tower',
    mistake: 're-encodes every document for each query (no cache)',
    from: 'tf.matMul(encode(queries), cachedDocs, false, true)',
    to: 'tf.matMul(encode(queries), encode(docs), false, true)',
    failingCheck: /two-tower online: one encoder pass per query/,
  },
  {
    card: 't-speed-early-exit',
    mistake: 'does not reset the patience counter when the prediction changes',
    from: 'count = preds[layer] === preds[layer - 1] ? count + 1 : 0;',
    to: 'count = preds[layer] === preds[layer - 1] ? count + 1 : count;',
    failingCheck: /PABEE \(t = 3\) exits after layers 5, 8 and 4/,
  },
  {
    card: 't-speed-albert',
    mistake: 'drops the E→H projection of the factorised embedding',
    from: 'const viaGather = tf.matMul(tf.gather(lookup, ids), project);',
    to: 'const viaGather = tf.gather(lookup, ids);',
    failingCheck: /factorised lookup == lookup in the V×H table/,
  },
  {
    card: 't-attn-types',
    mistake: 'broadcasts the keys over the key axis and the queries over the query axis (scores transposed)',
    from: 'tf.matMul(keys, W).expandDims(0), tf.matMul(queries, U).expandDims(1)',
    to: 'tf.matMul(keys, W).expandDims(1), tf.matMul(queries, U).expandDims(0)',
    failingCheck: /broadcast additive == double loop/,
  },
  {
    card: 't-tok-bpe',
    mistake: 'counts each pair once per word type instead of weighting by word frequency',
    from: 'counts.set(key, (counts.get(key) ?? 0) + count);',
    to: 'counts.set(key, (counts.get(key) ?? 0) + 1);',
    failingCheck: /first step: e s, s t and t <\/w> tie at 9/,
  },
  {
    card: 't-no-qkv',
    mistake: 'scales the raw scores XXᵀ by 1/d instead of 1/√d',
    from: 'const attention = (Q, K) => tf.softmax(tf.matMul(Q, K, false, true).div(Math.sqrt(d)));',
    to: 'const attention = (Q, K) => tf.softmax(tf.matMul(Q, K, false, true).div(d));',
    failingCheck: /without W_Q, W_K: > 0\.9 of the weight on itself/,
  },
  {
    card: 't-align-uniform',
    mistake: 'uses t = 1 in the uniformity kernel e^{−t‖x−y‖²}',
    from: 'tf.exp(dist2.mul(-2))',
    to: 'tf.exp(dist2.mul(-1))',
    failingCheck: /L_uniform \(t = 2\) of four literal unit vectors = pinned/,
  },
  {
    card: 't-align-uniform',
    mistake: 'uses t = 3 in the uniformity kernel e^{−t‖x−y‖²}',
    from: 'tf.exp(dist2.mul(-2))',
    to: 'tf.exp(dist2.mul(-3))',
    failingCheck: /L_uniform \(t = 2\) of four literal unit vectors = pinned/,
  },
  {
    card: 't-bert-total',
    mistake: 'declares the pooler without its bias',
    from: "return [...list, ...linear('pooler.dense', H, H)];",
    to: "return [...list, ['pooler.dense.weight', [H, H]]];",
    failingCheck: /BertModel with pooler/,
  },
  {
    card: 't-attn-formula',
    mistake: 'scales each head by √d_model instead of √d_h',
    from: 'div(Math.sqrt(q.shape[1]))',
    to: 'div(Math.sqrt(d))',
    failingCheck: /MultiHead = Concat/,
  },
  {
    card: 't-attn-formula',
    mistake: 'concatenates the heads in the wrong order before W^O',
    from: 'tf.matMul(tf.concat(heads, 1), Wo)',
    to: 'tf.matMul(tf.concat(heads.reverse(), 1), Wo)',
    failingCheck: /MultiHead = Concat/,
  },
  {
    card: 't-ln-vs-bn',
    mistake: 'updates the running mean with the weights swapped, r ← 0.1·r + 0.9·μ_B',
    from: 'momentum * r + (1 - momentum) * batchMean[j]',
    to: '(1 - momentum) * r + momentum * batchMean[j]',
    failingCheck: /running mean = EMA of batch means/,
  },
  {
    card: 't-pre-post-ln',
    mistake: 'leaves out Pre-LN\'s final LayerNorm',
    from: 'return layerNorm(x); };',
    to: 'return x; };',
    failingCheck: /Pre-LN: last-layer gradient shrinks with depth/,
  },
  {
    card: 't-kv-cache',
    mistake: 'counts only the keys (forgets the factor 2 for K and V)',
    from: '=> 2 * layers * tokens * hKv * headDim;',
    to: '=> layers * tokens * hKv * headDim;',
    failingCheck: /cache entries counted == 2·L·n·h_kv·d_h/,
  },
  {
    card: 't-kv-cache',
    mistake: 'masks cached keys as if the new token were at position 0',
    from: 'c.k, c.v, p.hKv, t)',
    to: 'c.k, c.v, p.hKv, 0)',
    failingCheck: /cached decoding == full causal recomputation/,
  },
];

const proofOf = (cardId: string): string => proofOfCard(parsed, DECK_PATH, cardId);

describe('decks/1-transformer.md', () => {
  it('parses without errors and every card has an id, tags and a js proof', () => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.deck?.id).toBe('transformer');
    expect(parsed.cards.length).toBe(28);
    for (const card of parsed.cards) {
      expect(card.id, `card at line ${card.line}`).toMatch(/^t-[a-z0-9-]+$/);
      expect(card.tags.length, `#${card.id} tags`).toBeGreaterThan(0);
      expect(card.proofLang, `#${card.id} proof`).toBe('js');
    }
  });

  it('every proof passes on the cpu backend in Node without leaking tensors', async () => {
    for (const card of parsed.cards) {
      const result = await runProofInNode(card.proofCode ?? '', 'js');
      expect(result.ok, `#${card.id}: ${describeFailure(result)}`).toBe(true);
      expect(result.leakedTensors, `#${card.id} leaked tensors`).toBe(0);
    }
  });
});

describe('#t-align-uniform pins a value computed independently', () => {
  it('its pinned L_uniform equals log E_{i≠j} e^{−2‖x_i − x_j‖²} of its literal points, in float64', () => {
    const proof = proofOf('t-align-uniform');
    const points = JSON.parse(/const literalPoints = (\[.*\]);/.exec(proof)![1]) as number[][];
    const pinned = Number(/const pinnedUniformity = (-?[\d.]+);/.exec(proof)![1]);
    let sum = 0, pairs = 0;
    points.forEach((p, i) => points.forEach((q, j) => {
      if (i === j) return;
      sum += Math.exp(-2 * p.reduce((acc, pk, k) => acc + (pk - q[k]) ** 2, 0));
      pairs++;
    }));
    expect(points.every((p) => Math.abs(Math.hypot(...p) - 1) < 1e-12), 'unit vectors').toBe(true);
    expect(pinned).toBeCloseTo(Math.log(sum / pairs), 12);
  });
});

describe('transformer proofs fail when their formula is wrong', () => {
  it('covers at least 6 distinct cards', () => {
    expect(new Set(MUTATIONS.map((m) => m.card)).size).toBeGreaterThanOrEqual(6);
  });

  it('plants at least one mistake in every proof card', () => {
    const planted = new Set(MUTATIONS.map((m) => m.card));
    expect(parsed.cards.filter((card) => card.proofCode && !planted.has(card.id!)).map((card) => card.id)).toEqual([]);
  });

  for (const mutation of MUTATIONS) {
    it(`#${mutation.card}: ${mutation.mistake}`, async () => {
      await expectMutantFails(proofOf(mutation.card), mutation);
    });
  }
});
