// The review history as FSRS's optimizer reads it (core optimizerItems.ts): one item per answer on a later day than
// the card's previous one, holding the card's answers up to it as FSRS ratings and day gaps.
import { describe, expect, it } from 'vitest';
import { optimizerItems } from '../../../main/core/scheduler/optimizerItems';
import { logged } from './moments';

describe('optimizerItems', () => {
  it('makes one item per later-day answer; same-day steps stay in the history but are no item of their own', () => {
    const answers = [
      logged('2026-01-01T09:00', 4), // first sight: Good
      logged('2026-01-01T09:10', 1), // a same-day step: Again — history only
      logged('2026-01-04T09:00', 3), // 3 days later: Hard
      logged('2026-01-21T09:00', 5), // 17 days later: Easy
      logged('2026-01-21T19:00', 2), // same day: Again — history only
    ];
    const items = optimizerItems([{ cardId: 'c', answers }]);
    expect(items).toEqual([
      [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 0 }, { rating: 2, deltaT: 3 }],
      [{ rating: 3, deltaT: 0 }, { rating: 1, deltaT: 0 }, { rating: 2, deltaT: 3 }, { rating: 4, deltaT: 17 }],
    ]);
  });

  it('gives nothing for cards answered once or only on one day', () => {
    expect(optimizerItems([
      { cardId: 'a', answers: [logged('2026-01-01T09:00', 4)] },
      { cardId: 'b', answers: [logged('2026-01-01T09:00', 1), logged('2026-01-01T09:30', 4)] },
    ])).toEqual([]);
  });
});
