import { describe, expect, it } from 'vitest';
import type { DeckSummary } from '../../../main/contract/api';
import { buildDeckTree, studyTargetOf, visibleRows } from '../../../renderer/src/lib/deckTree';

function deck(id: string, path: string[], due = { new: 1, learning: 0, review: 2 }): DeckSummary {
  return { id, name: path.join('::'), description: null, lang: null, sourcePath: `/decks/${id}.md`, readOnly: false, builtIn: false, cardCount: 3, due, path };
}

// As the overview lists them: tree order, a parent's decks together.
const decks = [
  deck('lone', ['Lone']),
  deck('book', ['书']),
  deck('ch2', ['书', '第二章']),
  deck('ch10', ['书', '第十章'], { new: 4, learning: 1, review: 0 }),
  deck('sec', ['书', '第十章', '习题']),
];

describe('deck tree rows', () => {
  it('puts decks under their parents, with synthetic rows only where no deck has the parent path', () => {
    const roots = buildDeckTree(decks);
    expect(roots.map((n) => [n.key, n.deck?.id ?? null])).toEqual([['Lone', 'lone'], ['书', 'book']]);
    expect(roots[1].children.map((n) => n.label)).toEqual(['第二章', '第十章']);
    const synthetic = buildDeckTree([deck('a', ['P', 'a']), deck('b', ['P', 'b'])]);
    expect(synthetic.map((n) => [n.key, n.deck, n.depth])).toEqual([['P', null, 0]]);
  });

  it('sums counts and lists every deck under a parent, its own deck first', () => {
    const book = buildDeckTree(decks)[1];
    expect(book.due).toEqual({ new: 1 + 1 + 4 + 1, learning: 1, review: 2 + 2 + 0 + 2 });
    expect(book.cardCount).toBe(12);
    expect(book.deckIds).toEqual(['book', 'ch2', 'ch10', 'sec']);
    expect(studyTargetOf(book)).toEqual({ deckId: null, deckIds: ['book', 'ch2', 'ch10', 'sec'] });
    expect(studyTargetOf(book.children[0])).toEqual({ deckId: 'ch2' });
  });

  it('hides the rows under a collapsed parent', () => {
    const roots = buildDeckTree(decks);
    expect(visibleRows(roots, new Set()).map((r) => r.node.key)).toEqual(['Lone', '书', '书::第二章', '书::第十章', '书::第十章::习题']);
    expect(visibleRows(roots, new Set(['书::第十章'])).map((r) => [r.node.key, r.expanded])).toEqual([
      ['Lone', false], ['书', true], ['书::第二章', false], ['书::第十章', false],
    ]);
    expect(visibleRows(roots, new Set(['书'])).map((r) => r.node.key)).toEqual(['Lone', '书']);
  });

  it('keeps two decks with the same path as two rows', () => {
    const rows = visibleRows(buildDeckTree([deck('x1', ['P', 'x']), deck('x2', ['P', 'x'])]), new Set());
    expect(rows.map((r) => r.node.label)).toEqual(['P', 'x', 'x (x2)']);
    expect(rows[0].node.deckIds).toEqual(['x1', 'x2']);
  });
});
