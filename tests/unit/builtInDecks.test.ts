// The shipped decks: they parse cleanly, every card carries an id (built-in files are read-only, so ids could
// never be written back), ids are unique across decks, and every card has a proof.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeDeckBytes, parseDeck } from '../../main/core/deck';
import { formatMessage } from '../../main/contract/messages';

const decksDir = join(import.meta.dirname, '../../decks');
const files = readdirSync(decksDir).filter((name) => name.endsWith('.md')).sort();

describe('built-in decks', () => {
  const parsed = files.map((name) => {
    const decoded = decodeDeckBytes(readFileSync(join(decksDir, name)), name);
    if ('error' in decoded) throw new Error(`${name}: ${formatMessage(decoded.error)}`);
    return { name, deck: parseDeck(decoded.text, name) };
  });

  it("ship the notes' four chapters with at least 50 proven cards, and the coding deck with at least 20 coding cards", () => {
    expect(files).toHaveLength(5);
    const cards = parsed.flatMap((p) => p.deck.cards);
    expect(cards.filter((card) => !card.code).length).toBeGreaterThanOrEqual(50);
    expect(parsed.find((p) => p.name === '5-coding.md')?.deck.cards.every((card) => card.code)).toBe(true);
    expect(cards.filter((card) => card.code).length).toBeGreaterThanOrEqual(20);
  });

  it.each(files)('%s parses without errors, every card with an id, tags and a proof', (name) => {
    const { deck } = parsed.find((p) => p.name === name)!;
    expect(deck.errors).toEqual([]);
    for (const card of deck.cards) {
      expect(card.id, `card at line ${card.line}`).not.toBeNull();
      expect(card.tags.length, `${card.id} has tags`).toBeGreaterThan(0);
      expect(card.proofCode, `${card.id} has a proof`).toBeTruthy();
    }
  });

  it('deck ids and card ids are unique across all built-in decks', () => {
    const deckIds = parsed.map((p) => p.deck.deck!.id);
    expect(new Set(deckIds).size).toBe(deckIds.length);
    const cardIds = parsed.flatMap((p) => p.deck.cards.map((c) => c.id));
    expect(new Set(cardIds).size).toBe(cardIds.length);
  });
});
