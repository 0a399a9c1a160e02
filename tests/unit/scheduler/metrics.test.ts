import { describe, expect, it } from 'vitest';
import { auc, binOf, logLoss, rmseBins, type Prediction } from '../../../main/core/scheduler/metrics';
import { prng } from './moments';

const pred = (p: number, recalled: boolean, elapsedDays = 1, reviews = 1, lapses = 0): Prediction => ({ p, recalled, elapsedDays, reviews, lapses });

describe('log loss', () => {
  it('is the mean negative log-likelihood, computed by hand', () => {
    const preds = [pred(0.8, true), pred(0.6, false), pred(0.9, true)];
    expect(logLoss(preds)).toBeCloseTo(-(Math.log(0.8) + Math.log(0.4) + Math.log(0.9)) / 3, 12);
  });

  it('stays finite for a certain prediction that turns out wrong', () => {
    expect(Number.isFinite(logLoss([pred(1, false), pred(0, true)]))).toBe(true);
  });
});

describe('RMSE (bins)', () => {
  it('bins elapsed days by ×3.62, reviews by ×1.89, lapses 0 alone then by ×1.73', () => {
    const key = (elapsedDays: number, reviews: number, lapses: number) => binOf({ elapsedDays, reviews, lapses });
    expect(key(1, 1, 0)).toBe(key(3, 1, 0));
    expect(key(3, 1, 0)).not.toBe(key(4, 1, 0));
    expect(key(13, 1, 0)).toBe(key(4, 1, 0));
    expect(key(14, 1, 0)).not.toBe(key(13, 1, 0));
    expect(key(1, 2, 0)).toBe(key(1, 3, 0));
    expect(key(1, 3, 0)).not.toBe(key(1, 4, 0));
    expect(key(1, 1, 0)).not.toBe(key(1, 1, 1));
    expect(key(1, 1, 3)).toBe(key(1, 1, 5));
    expect(key(1, 1, 2)).not.toBe(key(1, 1, 3));
  });

  it('is the bin-size-weighted squared error of mean prediction against mean recall, by hand', () => {
    const preds = [
      pred(0.9, true, 2, 1, 0), pred(0.7, false, 3, 1, 0), // one bin: mean p 0.8, mean recall 0.5
      pred(0.5, true, 20, 5, 2), // another: 0.5 against 1
    ];
    expect(rmseBins(preds)).toBeCloseTo(Math.sqrt((2 * 0.3 ** 2 + 1 * 0.5 ** 2) / 3), 12);
  });

  it('forgives errors that cancel inside a bin (it measures calibration), unlike log loss', () => {
    const preds = [pred(1, true), pred(0, false), pred(0.5, true), pred(0.5, false)];
    const swapped = [pred(0, true), pred(1, false), pred(0.5, true), pred(0.5, false)];
    expect(rmseBins(swapped)).toBe(rmseBins(preds));
    expect(logLoss(swapped)).toBeGreaterThan(logLoss(preds));
  });
});

describe('AUC', () => {
  it('counts the recalled–forgotten pairs ranked right, by hand', () => {
    // Pairs (recalled, forgotten): (0.9, 0.8) ✓ (0.9, 0.3) ✓ (0.7, 0.8) ✗ (0.7, 0.3) ✓ → 3/4.
    expect(auc([pred(0.9, true), pred(0.8, false), pred(0.7, true), pred(0.3, false)])).toBe(0.75);
  });

  it('counts ties as half, and is null without both outcomes', () => {
    expect(auc([pred(0.6, true), pred(0.6, false), pred(0.6, true)])).toBe(0.5);
    expect(auc([pred(0.6, true), pred(0.9, true)])).toBeNull();
  });

  it('equals the direct pairwise count on a few hundred predictions with ties', () => {
    const random = prng(16);
    const preds = Array.from({ length: 300 }, () => {
      const p = Math.round(random() * 20) / 20; // ties on purpose
      return pred(p, random() < p);
    });
    let wins = 0;
    let pairs = 0;
    for (const a of preds) for (const b of preds) {
      if (!a.recalled || b.recalled) continue;
      pairs++;
      wins += a.p > b.p ? 1 : a.p === b.p ? 0.5 : 0;
    }
    expect(auc(preds)).toBeCloseTo(wins / pairs, 12);
  });
});
