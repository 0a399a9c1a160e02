// Choosing a mock interview's questions. Pure: the random source comes in (a seeded generator the service makes),
// so a mock's order can be replayed from its stored seed and tests pin it.
import type { MockSelection } from '../../contract/mock';

/** A uniform number in [0, 1) per call. */
export type RandomSource = () => number;

/**
 * mulberry32: a small, fast 32-bit generator, good enough to shuffle questions (not for secrets). The same seed
 * gives the same sequence.
 */
export function seededRandom(seed: number): RandomSource {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface MockCandidate {
  id: string;
  deckId: string;
  tags: readonly string[];
}

/** A card is in the selection when its deck is chosen or it carries a chosen tag. */
export function inSelection(card: MockCandidate, selection: MockSelection): boolean {
  return selection.deckIds.includes(card.deckId) || card.tags.some((tag) => selection.tags.includes(tag));
}

/** The same selection however it was ticked: ids and tags sorted and once each (what "the same selection" compares). */
export function canonicalSelection(selection: MockSelection): MockSelection {
  const sortedOnce = (items: readonly string[]) => [...new Set(items)].sort();
  return { deckIds: sortedOnce(selection.deckIds), tags: sortedOnce(selection.tags) };
}

/**
 * Up to `count` card ids in random order (a partial Fisher–Yates shuffle of the candidates, which come sorted so
 * the seed alone decides the order).
 */
export function chooseQuestions(candidateIds: readonly string[], count: number, random: RandomSource): string[] {
  const pool = [...candidateIds].sort();
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, take);
}
