import { default_w, forgetting_curve } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { evaluateSchedulers, forecastSm2, scoredPredictions, splitDay, sm2Recall, type CardHistory } from '../../../main/core/scheduler/evaluate';
import { createFsrsScheduler } from '../../../main/core/scheduler/fsrs';
import { binOf, rmseBins } from '../../../main/core/scheduler/metrics';
import { replayStates } from '../../../main/core/scheduler/replay';
import { logged } from './moments';
import { fsrsCurveHistories, sm2CurveHistories } from './synthetic';

/**
 * One card, answered late twice and failed once, with a same-day drill: SM-2's intervals are 1 (new), 6, 1 (lapse),
 * the drill keeps 1. Scored: day 3 (t 3, I 1), day 20 (t 17, I 6), day 21 (t 1 after the drill, I 1). Not scored:
 * the first answer and the drill on day 20.
 */
const CARD: CardHistory = {
  cardId: 'c-softmax',
  answers: [
    logged('2026-01-01T09:00', 4),
    logged('2026-01-04T09:00', 4),
    logged('2026-01-21T09:00', 2),
    logged('2026-01-21T09:20', 4),
    logged('2026-01-22T19:00', 5),
  ],
};

describe('evaluateSchedulers against a direct computation', () => {
  it('SM-2 predicts 0.9^(t/I); log loss is computed over exactly the scored reviews', () => {
    const result = evaluateSchedulers([CARD], { fromDay: 0 })!;
    expect(result.scored).toBe(3);
    const p = [0.9 ** 3, 0.9 ** (17 / 6), 0.9 ** 1];
    const direct = -(Math.log(p[0]) + Math.log(1 - p[1]) + Math.log(p[2])) / 3;
    expect(result.sm2.logLoss).toBeCloseTo(direct, 12);
    expect(sm2Recall(17, 6)).toBe(p[1]);
  });

  it('FSRS predicts its forgetting curve at the study days since the card\'s previous answer', () => {
    const fsrs = createFsrsScheduler();
    const states = replayStates(fsrs, CARD.answers);
    const scored = [1, 2, 4];
    const p = scored.map((k) => forgetting_curve(default_w, CARD.answers[k].day - CARD.answers[k - 1].day, states[k - 1].stability));
    const outcomes = scored.map((k) => CARD.answers[k].quality >= 3);
    const direct = -p.reduce((sum, pk, i) => sum + Math.log(outcomes[i] ? pk : 1 - pk), 0) / 3;
    expect(evaluateSchedulers([CARD], { fromDay: 0 })!.fsrs.logLoss).toBeCloseTo(direct, 12);
  });

  it('is out of sample: FSRS is fitted on the earlier answers only, and only later reviews are scored', () => {
    const fromDay = CARD.answers[2].day;
    let trainedOn: CardHistory[] = [];
    const result = evaluateSchedulers([CARD], {
      fromDay,
      fitFsrs: (training) => {
        trainedOn = training;
        return createFsrsScheduler();
      },
    })!;
    expect(trainedOn[0].answers).toEqual(CARD.answers.slice(0, 2));
    expect(result.scored).toBe(2);
  });

  it('splits at the day by which half the answers were given, and has nothing to say about no history', () => {
    expect(splitDay([CARD])).toBe(CARD.answers[2].day);
    expect(evaluateSchedulers([{ cardId: 'x', answers: [logged('2026-01-01T09:00', 4)] }])).toBeNull();
  });
});

describe('on synthetic histories from a known forgetting curve', () => {
  it('drawn from FSRS\'s own curve: FSRS scores better than SM-2 on log loss and RMSE (bins)', () => {
    const result = evaluateSchedulers(fsrsCurveHistories(400, 7))!;
    expect(result.scored).toBeGreaterThan(1500);
    expect(result.fsrs.logLoss).toBeLessThan(result.sm2.logLoss);
    expect(result.fsrs.rmseBins).toBeLessThan(result.sm2.rmseBins);
    expect(result.fsrs.auc!).toBeGreaterThan(0.5);
  });

  it('drawn from 0.9^(t/I): SM-2\'s predictions are well calibrated — off by no more than sampling noise', () => {
    const histories = sm2CurveHistories(400, 11);
    const result = evaluateSchedulers(histories)!;
    const predictions = scoredPredictions(histories, forecastSm2, splitDay(histories));
    expect(predictions.length).toBe(result.scored);
    expect(result.scored).toBeGreaterThan(1500);
    // A perfectly calibrated model still shows RMSE (bins) > 0: each bin's recall rate is a sample mean. Its
    // expected square is Σ_bins Σ_i p_i(1 − p_i) / (n_bin · N); SM-2 on its own curve must stay near that floor.
    const bins = new Map<string, number[]>();
    for (const p of predictions) bins.set(binOf(p), [...(bins.get(binOf(p)) ?? []), p.p]);
    const floor = Math.sqrt([...bins.values()].reduce((sum, ps) => sum + ps.reduce((s, p) => s + p * (1 - p), 0) / ps.length, 0) / predictions.length);
    expect(result.sm2.rmseBins).toBeLessThan(1.5 * floor);
    // The check has teeth: the same data judged with a wrong curve, 0.8^(t/I), is far outside the noise.
    const wrong = predictions.map((p) => ({ ...p, p: 0.8 ** (Math.log(p.p) / Math.log(0.9)) })); // t/I = ln p / ln 0.9
    expect(rmseBins(wrong)).toBeGreaterThan(2 * floor);
    // And overall: the mean prediction is the recall rate, within 2.5 standard errors.
    const meanP = predictions.reduce((s, p) => s + p.p, 0) / predictions.length;
    const rate = predictions.filter((p) => p.recalled).length / predictions.length;
    const standardError = Math.sqrt(predictions.reduce((s, p) => s + p.p * (1 - p.p), 0)) / predictions.length;
    expect(Math.abs(meanP - rate)).toBeLessThan(2.5 * standardError);
  });
});
