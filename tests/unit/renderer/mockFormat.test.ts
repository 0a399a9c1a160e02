import { describe, expect, it } from 'vitest';
import { clock, delta, describeSelection, percent, seconds } from '../../../renderer/src/lib/mockFormat';

describe('mock interview wording', () => {
  it('writes the countdown as m:ss of whole seconds left, never below 0:00', () => {
    expect(clock(90_000)).toBe('1:30');
    expect(clock(2_001)).toBe('0:03');
    expect(clock(0)).toBe('0:00');
    expect(clock(-500)).toBe('0:00');
  });

  it('writes scores, their change in points, and times', () => {
    expect(percent(0.5)).toBe('50%');
    expect(delta(0.75, 0.5)).toBe('+25');
    expect(delta(0.4, 0.5)).toBe('−10');
    expect(delta(0.5, 0.5)).toBe('±0');
    expect(seconds(3000)).toBe('3.0 s');
    expect(seconds(null)).toBe('—');
  });

  it('names a selection by its decks and tags', () => {
    expect(describeSelection({ deckIds: ['opt'], tags: ['adam'] }, (id) => (id === 'opt' ? 'Optimizers' : id))).toBe('Optimizers, #adam');
  });
});
