// Mutation tests for decks/2-optimizers.md, decks/3-losses.md and decks/4-word-vectors.md: each case rewrites one
// card's proof IN MEMORY the way a mistaken candidate would write the formula (sum instead of mean, no bias
// correction, L2 instead of decoupled decay, ε inside the sqrt, …), and the proof must then fail on a named
// check while the original passes. A proof that still passes with a wrong formula proves nothing.
// The deck files are only read, never modified.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import type { ParsedDeck } from '../../../main/contract/deck';
import { runProofInNode } from '../../../scripts/proof-node';
import { countOccurrences, describeFailure, expectMutantFails, proofOf as proofOfCard, type Mutation } from './mutation';

interface DeckUnderTest {
  path: string;
  id: string;
  cardCount: number;
  idPrefix: RegExp;
}

const DECKS: DeckUnderTest[] = [
  { path: 'decks/2-optimizers.md', id: 'optimizers', cardCount: 13, idPrefix: /^o-[a-z0-9-]+$/ },
  { path: 'decks/3-losses.md', id: 'losses', cardCount: 10, idPrefix: /^l-[a-z0-9-]+$/ },
  { path: 'decks/4-word-vectors.md', id: 'word-vectors', cardCount: 6, idPrefix: /^w-[a-z0-9-]+$/ },
];

const parsedDecks = new Map<string, ParsedDeck>(
  DECKS.map((deck) => [deck.path, parseDeck(readFileSync(new URL(`../../../${deck.path}`, import.meta.url), 'utf8'), deck.path)]),
);

interface DeckMutation extends Mutation {
  deck: string;
}

const MUTATIONS: DeckMutation[] = [
  // Ch.2 optimizers
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-gd',
    mistake: 'GD sums the per-sample losses instead of averaging them',
    from: 'const J = (v) => tf.mean(perSampleLoss(',
    to: 'const J = (v) => tf.sum(perSampleLoss(',
    failingCheck: /∇J\(w\) = \(1\/n\)·Σ∇J_i\(w\)/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-minibatch',
    mistake: 'sums the mini-batch gradient instead of averaging it (its variance grows like m)',
    from: 'meanOf(all.slice(b * m, (b + 1) * m)));',
    to: 'meanOf(all.slice(b * m, (b + 1) * m)).map((x) => x * m));',
    failingCheck: /variance shrinks like 1\/m/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-momentum',
    mistake: 'passes the EMA step α unchanged as the framework learning rate (forgets the 1 − β factor)',
    from: 'const tfLr = alpha * (1 - beta);',
    to: 'const tfLr = alpha;',
    failingCheck: /EMA\(α=0\.1, β=0\.9\) = tf\.train\.momentum with lr/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-nesterov',
    mistake: 'takes the look-ahead gradient at θ − βm (the notes, without α)',
    from: 'const correct = nag(alpha * beta);',
    to: 'const correct = nag(beta);',
    failingCheck: /look-ahead points θ−αβm = tf\.train\.momentum with lr/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-adagrad',
    mistake: 'accumulates t·g_t² (the notes\' Σ_{i≤t} g_t²) instead of Σ_{i≤t} g_i²',
    from: 'G = G.map((Gi, k) => Gi + g[k] * g[k]);',
    to: 'G = g.map((gk) => 0.1 + (t + 1) * gk * gk);',
    failingCheck: /manual Adagrad \(G₀=0\.1, backend ε\) = tf\.train\.adagrad/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-adagrad',
    mistake: 'puts ε outside the square root, η/(√G + ε)',
    from: 'x = x.map((xi, k) => xi - eta * g[k] / Math.sqrt(G[k] + eps));',
    to: 'x = x.map((xi, k) => xi - eta * g[k] / (Math.sqrt(G[k]) + eps));',
    failingCheck: /ε inside the sqrt: manual = tf\.train\.adagrad/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-rmsprop',
    mistake: 'uses γ = 0.5 ("RMSprop is Adadelta with β = 0.5")',
    from: 'const gamma = 0.9;',
    to: 'const gamma = 0.5;',
    failingCheck: /manual RMSprop \(γ=0\.9\) = tf\.train\.rmsprop/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-adam',
    mistake: 'puts ε inside the square root, √(v̂ + ε)',
    from: '/ (Math.sqrt(vHat[k]) + eps)',
    to: '/ Math.sqrt(vHat[k] + eps)',
    failingCheck: /ε outside the sqrt/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-adam',
    mistake: 'mixes t and t + 1 in the bias correction of v',
    from: 'vi / (1 - Math.pow(beta2, t))',
    to: 'vi / (1 - Math.pow(beta2, t + 1))',
    failingCheck: /manual Adam = tf\.train\.adam/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-adam-bias',
    mistake: 'forgets the bias correction of the first moment',
    from: 'const mHat = corrected ? m / (1 - beta1) : m;',
    to: 'const mHat = m;',
    failingCheck: /manual corrected first step = tf\.train\.adam/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-adamw',
    mistake: 'implements AdamW by adding λθ to the gradient (Adam + L2) as well',
    from: 'const g = lossGrad(x).map((gk, k) => (decoupled ? gk : gk + lam * x[k]));',
    to: 'const g = lossGrad(x).map((gk, k) => gk + lam * x[k]);',
    failingCheck: /AdamW shrinks each weight by lr·λ·θ/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-l2-wd-sgd',
    mistake: 'decays by (1 − λ) instead of (1 − ηλ)',
    from: '(1 - eta * lam) * xi',
    to: '(1 - lam) * xi',
    failingCheck: /SGD on f \+ λ\/2‖θ‖² = \(1−ηλ\)θ − η∇f/,
  },
  // Ch.3 losses
  {
    deck: 'decks/3-losses.md',
    card: 'l-abs-square',
    mistake: 'fits the absolute loss with a squared residual (expects the median from L2)',
    from: 'const l1 = tf.mean(tf.abs(residuals), 1)',
    to: 'const l1 = tf.mean(tf.square(residuals), 1)',
    failingCheck: /L1 fit is the median/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-exp',
    mistake: 'weights AdaBoost samples by e^{+yF} (wrong sign)',
    from: 'tf.exp(tf.neg(tf.mul(yT, f)))',
    to: 'tf.exp(tf.mul(yT, f))',
    failingCheck: /AdaBoost weights = normalised/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-hinge',
    mistake: 'writes hinge as max(0, −z) (no margin of 1)',
    from: 'tf.relu(tf.sub(1, z))',
    to: 'tf.relu(tf.neg(z))',
    failingCheck: /\(w, b\) minimises the primal on a grid around it/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-hinge',
    mistake: 'takes only the points with z < 1 as support vectors (drops those on the margin)',
    from: 'z[i] <= 1 + 1e-6',
    to: 'z[i] < 1 - 1e-6',
    failingCheck: /support vectors \(z ≤ 1\)/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-ce-vs-mle',
    mistake: 'computes the reverse KL(q‖p̂) in the decomposition',
    from: 'const kl = tf.sum(tf.mul(pHat, tf.log(tf.div(pHat, q))));',
    to: 'const kl = tf.sum(tf.mul(q, tf.log(tf.div(q, pHat))));',
    failingCheck: /H\(p̂, q\) = H\(p̂\) \+ KL\(p̂‖q\)/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-mse-gaussian',
    mistake: 'writes the Gaussian density as exp(−r²/σ²) (forgets the 2)',
    from: 'tf.mul(-2, tf.square(s))',
    to: 'tf.neg(tf.square(s))',
    failingCheck: /NLL − n\/\(2σ²\)·MSE is the same constant/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-mse-gaussian',
    mistake: 'takes the unbiased 1/(n − 1) residual variance as the MLE of σ²',
    from: 'const sigmaHat = Math.sqrt(read(mse(wLs, bLs)));',
    to: 'const sigmaHat = Math.sqrt(read(mse(wLs, bLs)) * n / (n - 1));',
    failingCheck: /∂NLL\/∂σ = 0 at σ̂² = MSE/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-perceptron',
    mistake: 'takes the logistic loss in nats, ln(1 + e^{−z}), as a 0-1 upper bound',
    from: 'tf.div(tf.softplus(tf.neg(z)), Math.LN2)',
    to: 'tf.softplus(tf.neg(z))',
    failingCheck: /log₂\(1\+e\^\{−z\}\) ≥ 0-1 loss/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-ce',
    mistake: 'drops the (1 − y)·log(1 − p) term of binary cross-entropy',
    from: 'tf.add(tf.mul(y, tf.log(p)), tf.mul(tf.sub(1, y), tf.log(tf.sub(1, p))))',
    to: 'tf.mul(y, tf.log(p))',
    failingCheck: /manual BCE = tf\.losses\.logLoss/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-ce',
    mistake: 'sums the multi-class cross-entropy over samples instead of averaging',
    from: 'const ce = tf.neg(tf.mean(tf.sum(tf.mul(onehot, logP), 1)));',
    to: 'const ce = tf.neg(tf.sum(tf.sum(tf.mul(onehot, logP), 1)));',
    failingCheck: /manual CE = tf\.losses\.softmaxCrossEntropy/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-bernoulli-mle',
    mistake: 'says log P(D) = −(mean BCE) instead of −N·(mean BCE)',
    from: 'tf.mul(-N, meanBce)',
    to: 'tf.neg(meanBce)',
    failingCheck: /log P\(D\) = −N · \(mean BCE\)/,
  },
  // Ch.4 word vectors
  {
    deck: 'decks/4-word-vectors.md',
    card: 'w-word2vec',
    mistake: 'averages the skip-gram context terms instead of summing them',
    from: 'return tf.neg(tf.sum(tf.mul(ctxHot, logP)));',
    to: 'return tf.neg(tf.mean(tf.sum(tf.mul(ctxHot, logP), 1)));',
    failingCheck: /skip-gram window loss = sum of C softmax cross-entropies/,
  },
  {
    deck: 'decks/4-word-vectors.md',
    card: 'w-cbow-one',
    mistake: 'forgets the log in the normaliser: E = −u_{j*} + Σ exp(u)',
    from: 'tf.sub(tf.logSumExp(u), tf.sum(tf.mul(t, u)))',
    to: 'tf.sub(tf.sum(tf.exp(u)), tf.sum(tf.mul(t, u)))',
    failingCheck: /E = −log softmax\(u\)\[w_O\]/,
  },
  {
    deck: 'decks/4-word-vectors.md',
    card: 'w-cbow-multi',
    mistake: 'sums the context vectors instead of averaging them',
    from: 'const hidden = (Wi) => tf.div(tf.matMul(multiHot, Wi), C);',
    to: 'const hidden = (Wi) => tf.matMul(multiHot, Wi);',
    failingCheck: /h = average of the C context rows/,
  },
  {
    deck: 'decks/4-word-vectors.md',
    card: 'w-hs',
    mistake: 'uses σ(+v′ᵀh) for both children of a node',
    from: 'const turned = tf.mul(tf.tensor2d(signs),',
    to: 'const turned = tf.mul(tf.abs(tf.tensor2d(signs)),',
    failingCheck: /leaf probabilities sum to 1/,
  },
  {
    deck: 'decks/4-word-vectors.md',
    card: 'w-neg',
    mistake: 'samples negatives from the raw unigram distribution (power 1, not 3/4)',
    from: 'const power = 0.75;',
    to: 'const power = 1;',
    failingCheck: /P_n ∝ U\^\{3\/4\}/,
  },
  {
    deck: 'decks/4-word-vectors.md',
    card: 'w-neg',
    mistake: 'writes the positive word\'s gradient as σ(v′ᵀh)·h (sign of the label term lost)',
    from: 'tf.mul(tf.sub(sigmoidOf(wO), 1), h)',
    to: 'tf.mul(sigmoidOf(wO), h)',
    failingCheck: /∂E\/∂v′_\{w_O\} = \(σ\(v′ᵀh\) − 1\)·h/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-adadelta',
    mistake: 'uses the notes\' formula: no RMS[Δθ] in the numerator (that is RMSprop with η = 1)',
    from: '-Math.sqrt(Edx[k] + eps) / Math.sqrt(denom[k] + eps) * gk',
    to: '-1 / Math.sqrt(denom[k] + eps) * gk',
    failingCheck: /Zeiler's first step/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-sgd',
    mistake: 'keeps a constant step 0.5 (Σηₜ² = ∞, not a Robbins–Monro schedule)',
    from: 'const decaying = (t) => 0.5 / (1 + 0.02 * t);',
    to: 'const decaying = (t) => 0.5;',
    failingCheck: /Robbins–Monro schedule converges/,
  },
  {
    deck: 'decks/2-optimizers.md',
    card: 'o-bgd',
    mistake: 'writes the least-squares gradient with the wrong sign of Xᵀy, Hw + b',
    from: 'const grad = (w) => tf.sub(tf.matMul(H, w), b);',
    to: 'const grad = (w) => tf.add(tf.matMul(H, w), b);',
    failingCheck: /BGD reaches the least-squares solution/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-01',
    mistake: 'takes the perceptron loss max(0, −z) as the 0-1 loss',
    from: 'const zeroOne = (m) => tf.step(tf.neg(m));',
    to: 'const zeroOne = (m) => tf.relu(tf.neg(m));',
    failingCheck: /d\/dz of the 0-1 loss is 0 everywhere/,
  },
  {
    deck: 'decks/3-losses.md',
    card: 'l-log',
    mistake: 'writes the logistic loss as log(1 + e^{z}) (sign of the margin lost)',
    from: 'const logistic = (z) => tf.softplus(tf.neg(z));',
    to: 'const logistic = (z) => tf.softplus(z);',
    failingCheck: /logistic: \|dL\/dz\| = σ\(10\)/,
  },
  {
    deck: 'decks/4-word-vectors.md',
    card: 'w-onehot',
    mistake: 'measures the distance between one-hot vectors with the L1 norm',
    from: 'const d05 = tf.norm(tf.sub(E.gather(0), E.gather(5))).dataSync()[0];',
    to: 'const d05 = tf.norm(tf.sub(E.gather(0), E.gather(5)), 1).dataSync()[0];',
    failingCheck: /‖e₀ − e₅‖ = ‖e₁ − e₂‖ = √2/,
  },
];

/** tfjs 4.22's MomentumOptimizer.dispose() does not free the learning-rate scalar it inherits from SGD.
 *  Each `tf.train.momentum(` call in a proof's code (check names avoid that literal) may leak one tensor. */
const LEAKS_PER_MOMENTUM_OPTIMIZER = 1;

const proofOf = (deckPath: string, cardId: string): string => proofOfCard(parsedDecks.get(deckPath), deckPath, cardId);

for (const deck of DECKS) {
  describe(deck.path, () => {
    const parsed = parsedDecks.get(deck.path)!;

    it('parses without errors and every card has an id, tags and a js proof', () => {
      expect(parsed.errors).toEqual([]);
      expect(parsed.deck?.id).toBe(deck.id);
      expect(parsed.cards.length).toBe(deck.cardCount);
      for (const card of parsed.cards) {
        expect(card.id, `card at line ${card.line}`).toMatch(deck.idPrefix);
        expect(card.tags.length, `#${card.id} tags`).toBeGreaterThan(0);
        expect(card.proofLang, `#${card.id} proof`).toBe('js');
      }
    });

    it('every proof passes on the cpu backend in Node and frees its tensors', async () => {
      for (const card of parsed.cards) {
        const code = card.proofCode ?? '';
        const result = await runProofInNode(code, 'js');
        expect(result.ok, `#${card.id}: ${describeFailure(result)}`).toBe(true);
        const knownLeaks = countOccurrences(code, 'tf.train.momentum(') * LEAKS_PER_MOMENTUM_OPTIMIZER;
        expect(result.leakedTensors, `#${card.id} leaked tensors`).toBeLessThanOrEqual(knownLeaks);
      }
    });
  });
}

describe('optimizer, loss and word-vector proofs fail when their formula is wrong', () => {
  it('covers at least 3 optimizer, 3 loss and 2 word-vector cards', () => {
    const cardsOf = (path: string) => new Set(MUTATIONS.filter((m) => m.deck === path).map((m) => m.card)).size;
    expect(cardsOf('decks/2-optimizers.md')).toBeGreaterThanOrEqual(3);
    expect(cardsOf('decks/3-losses.md')).toBeGreaterThanOrEqual(3);
    expect(cardsOf('decks/4-word-vectors.md')).toBeGreaterThanOrEqual(2);
  });

  it('plants at least one mistake in every proof card of these decks', () => {
    const planted = new Set(MUTATIONS.map((m) => `${m.deck}#${m.card}`));
    const unplanted = DECKS.flatMap((deck) => parsedDecks.get(deck.path)!.cards
      .filter((card) => card.proofCode && !planted.has(`${deck.path}#${card.id}`)).map((card) => `${deck.path}#${card.id}`));
    expect(unplanted).toEqual([]);
  });

  for (const mutation of MUTATIONS) {
    it(`#${mutation.card}: ${mutation.mistake}`, async () => {
      await expectMutantFails(proofOf(mutation.deck, mutation.card), mutation);
    });
  }
});
