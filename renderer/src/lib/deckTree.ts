// The home screen's deck tree, built from the overview's deck list (already in tree order, each deck with its tree
// path): parents that are not decks themselves become synthetic rows, counts are summed up the tree, and the rows
// on screen are those whose ancestors are all expanded. Pure, so it is tested without a DOM.
import type { DeckCounts, DeckSummary } from '../../../main/contract/api';

export const TREE_SEPARATOR = '::';

export interface DeckTreeNode {
  /** The tree path joined with `::`: the row's identity (and what a collapsed row is remembered by). */
  key: string;
  /** The row's own name: the last part of its path. */
  label: string;
  depth: number;
  /** The deck of this row, or null for a parent that is only a name in its children's paths. */
  deck: DeckSummary | null;
  children: DeckTreeNode[];
  /** The row's deck and every deck under it, in tree order: what studying the row studies. */
  deckIds: string[];
  /** Summed over the row's deck and every deck under it. */
  due: DeckCounts;
  cardCount: number;
}

/** A visible row: the node and whether its children are shown. */
export interface DeckRow {
  node: DeckTreeNode;
  expanded: boolean;
}

const addCounts = (a: DeckCounts, b: DeckCounts): DeckCounts => ({ new: a.new + b.new, learning: a.learning + b.learning, review: a.review + b.review });

/** The tree, siblings in the order their first deck appears in `decks`. */
export function buildDeckTree(decks: readonly DeckSummary[]): DeckTreeNode[] {
  const roots: DeckTreeNode[] = [];
  const byKey = new Map<string, DeckTreeNode>();
  const nodeAt = (path: readonly string[]): DeckTreeNode => {
    const key = path.join(TREE_SEPARATOR);
    let node = byKey.get(key);
    if (!node) {
      node = { key, label: path.at(-1) ?? '', depth: path.length - 1, deck: null, children: [], deckIds: [], due: { new: 0, learning: 0, review: 0 }, cardCount: 0 };
      byKey.set(key, node);
      (path.length > 1 ? nodeAt(path.slice(0, -1)).children : roots).push(node);
    }
    return node;
  };
  for (const deck of decks) {
    const path = deck.path.length ? deck.path : [deck.name];
    const node = nodeAt(path);
    // Two decks with the same path (same name in one folder) keep one row each: the second gets its id beside its name.
    const own = node.deck ? nodeAt([...path.slice(0, -1), `${path.at(-1)} (${deck.id})`]) : node;
    own.deck = deck;
    for (let depth = 1; depth < path.length; depth++) {
      const ancestor = byKey.get(path.slice(0, depth).join(TREE_SEPARATOR))!;
      ancestor.deckIds.push(deck.id);
      ancestor.due = addCounts(ancestor.due, deck.due);
      ancestor.cardCount += deck.cardCount;
    }
    own.deckIds.push(deck.id);
    own.due = addCounts(own.due, deck.due);
    own.cardCount += deck.cardCount;
  }
  return roots;
}

/** The rows on screen, top to bottom: a collapsed row's descendants are hidden. */
export function visibleRows(roots: readonly DeckTreeNode[], collapsed: ReadonlySet<string>): DeckRow[] {
  const rows: DeckRow[] = [];
  const walk = (nodes: readonly DeckTreeNode[]) => {
    for (const node of nodes) {
      const expanded = node.children.length > 0 && !collapsed.has(node.key);
      rows.push({ node, expanded });
      if (expanded) walk(node.children);
    }
  };
  walk(roots);
  return rows;
}

/** What studying a row asks for: its own deck alone, or a session over every deck under it. */
export function studyTargetOf(node: DeckTreeNode): { deckId: string | null; deckIds?: string[] } {
  return node.children.length === 0 && node.deck ? { deckId: node.deck.id } : { deckId: null, deckIds: node.deckIds };
}

/** A study session over a parent row: the decks under it and the name the review screen shows. */
export interface StudyGroup {
  key: string;
  name: string;
  deckIds: string[];
}
