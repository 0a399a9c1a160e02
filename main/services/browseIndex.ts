// The browse index: every live card in memory, so that a keystroke's filter and sort is a pass over typed arrays
// (a few ms at 100,000 cards). Each sort order is an array of card indices computed once, each searched word's
// hits a byte per card remembered. When cards change (an answer, an edit, a proof run) the index is patched:
// the changed entries are replaced, the remembered hits updated for them alone, and the entries moved to their
// new place in each order — reading 100,000 rows again took 1.6–2 s.
import type { BrowseSort } from '../contract/api';
import type { BrowseSource } from '../storage/browseStore';
import type { BrowseFilter } from './browseQuery';

export interface Entry extends BrowseSource {
  /** Index in the entries (orders and masks refer to cards by it). */
  at: number;
}

interface DeckInfo {
  id: string;
  name: string;
  lower: string;
  sourcePath: string;
  builtIn: boolean;
}

/** Above this many changed cards a fresh read is cheaper than a patch. */
const PATCH_LIMIT = 20_000;
/** Above this many moved cards the orders are sorted again when next used instead of patched one by one. */
const REORDER_LIMIT = 500;
/** Above this many changed texts the joined text is rebuilt (each search checks changed texts one by one). */
const TEXT_REBUILD_LIMIT = 5_000;

const lowered = (text: string) => {
  const lower = text.toLowerCase();
  return lower.includes('\u0000') ? lower.replaceAll('\u0000', ' ') : lower;
};

/**
 * Every card's lower-cased question + answer in one string, NUL-separated. A search is a run of indexOf calls
 * (V8's substring search, far faster than testing 100,000 strings one by one), each hit mapped to its card by
 * the offsets; case-insensitive in every script and a plain substring match, so 动量 needs no word breaks.
 * Texts changed since the join are kept aside and searched one by one.
 */
class TextIndex {
  private readonly text: string;
  private readonly starts: Int32Array;
  private readonly changed = new Map<number, string>();

  constructor(texts: readonly string[]) {
    // Lower-case first: it can change a string's length (İ → i̇), and the offsets must match the joined text.
    const lower = texts.map(lowered);
    this.starts = new Int32Array(texts.length + 1);
    let offset = 0;
    lower.forEach((text, i) => {
      this.starts[i] = offset;
      offset += text.length + 1;
    });
    this.starts[texts.length] = offset;
    this.text = lower.join('\u0000') + '\u0000';
  }

  get changedCount(): number {
    return this.changed.size;
  }

  update(card: number, text: string): void {
    this.changed.set(card, lowered(text));
  }

  has(card: number, word: string): boolean {
    const changed = this.changed.get(card);
    if (changed !== undefined) return changed.includes(word);
    return card < this.starts.length - 1 && this.text.slice(this.starts[card], this.starts[card + 1] - 1).includes(word);
  }

  /** 1 for each of `count` cards whose text contains `word` (already lower-cased). */
  mark(word: string, count: number): Uint8Array {
    const hits = new Uint8Array(count);
    let card = 0;
    for (let pos = this.text.indexOf(word); pos >= 0; ) {
      while (this.starts[card + 1] <= pos) card++;
      hits[card] = 1;
      pos = this.text.indexOf(word, this.starts[card + 1]);
    }
    for (const [at, text] of this.changed) hits[at] = text.includes(word) ? 1 : 0;
    return hits;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
/** Total orders (ties end on the card's place or id), so a moved card's place can be found by binary search. */
const COMPARE: Record<BrowseSort, (a: Entry, b: Entry) => number> = {
  // Decks as the home screen lists them (built-in first, by file path), each in file order.
  deck: (a, b) => Number(b.builtIn) - Number(a.builtIn) || (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0)
    || a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  question: (a, b) => collator.compare(a.question, b.question) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  due: (a, b) => (a.dueDay ?? Infinity) - (b.dueDay ?? Infinity) || COMPARE.deck(a, b),
  created: (a, b) => a.createdAt - b.createdAt || COMPARE.deck(a, b),
  updated: (a, b) => a.updatedAt - b.updatedAt || COMPARE.deck(a, b),
};

/** State, due and proof as typed columns: those filter terms touch no object. */
interface Columns {
  /** 0 new, 1 review, 2 suspended. */
  queue: Uint8Array;
  /** Due and drill days, NaN when none. */
  due: Float64Array;
  drill: Float64Array;
  /** 0 none, 1 pass, 2 fail. */
  proof: Uint8Array;
}

const QUEUE_CODE = { new: 0, review: 1, suspended: 2 } as const;
const PROOF_CODE = { none: 0, pass: 1, fail: 2 } as const;

function columnsOf(entries: readonly Entry[]): Columns {
  const columns: Columns = {
    queue: new Uint8Array(entries.length),
    due: new Float64Array(entries.length),
    drill: new Float64Array(entries.length),
    proof: new Uint8Array(entries.length),
  };
  for (const entry of entries) setColumns(columns, entry);
  return columns;
}

function setColumns(columns: Columns, entry: Entry): void {
  columns.queue[entry.at] = QUEUE_CODE[entry.queue];
  columns.due[entry.at] = entry.dueDay ?? NaN; // NaN compares false: no due day
  columns.drill[entry.at] = entry.drillDay ?? NaN;
  columns.proof[entry.at] = PROOF_CODE[entry.proof];
}

const TAG_KEY = '\u0000tag:';

export class BrowseIndex {
  private readonly entries: Entry[];
  private readonly byId = new Map<string, number>();
  /** Entries whose card left the list (deleted, moved out of view): in no order, so never selected. */
  private readonly gone = new Set<number>();
  private decks: DeckInfo[] = [];
  private deckIndex = new Map<string, number>();
  private deckOf = new Int32Array(0);
  private columns: Columns;
  private text: TextIndex;
  private readonly orders = new Map<BrowseSort, Int32Array>();
  /** Hits per searched word, and per tag under TAG_KEY + tag. */
  private readonly hits = new Map<string, Uint8Array>();

  /** Takes `source` over: its rows become the entries (numbered in place, not copied: 100,000 objects). */
  constructor(source: BrowseSource[]) {
    this.entries = source as Entry[];
    this.entries.forEach((entry, at) => (entry.at = at));
    for (const entry of this.entries) this.byId.set(entry.id, entry.at);
    this.indexDecks();
    this.columns = columnsOf(this.entries);
    this.text = new TextIndex(source.map((row) => row.text));
  }

  entry(at: number): Entry {
    return this.entries[at];
  }

  private indexDecks(): void {
    this.deckOf = Int32Array.from(this.entries, (entry) => this.deckNumber(entry));
  }

  private deckNumber(entry: Entry): number {
    let index = this.deckIndex.get(entry.deckId);
    if (index === undefined) {
      this.deckIndex.set(entry.deckId, (index = this.decks.length));
      this.decks.push({ id: entry.deckId, name: entry.deckName, lower: entry.deckName.toLowerCase(), sourcePath: entry.sourcePath, builtIn: entry.builtIn });
    }
    return index;
  }

  /**
   * Applies the rows read again for the cards noted as changed (`rows` holds those still listed; a changed id
   * without a row left the list). False when a fresh index is the better deal: too many changes, or a deck's
   * own name, file or kind differs (every card of it would change).
   */
  patch(changedIds: readonly string[], rows: readonly BrowseSource[]): boolean {
    if (changedIds.length > PATCH_LIMIT) return false;
    for (const row of rows) {
      const known = this.deckIndex.get(row.deckId);
      const deck = known === undefined ? undefined : this.decks[known];
      if (deck && (deck.name !== row.deckName || deck.sourcePath !== row.sourcePath || deck.builtIn !== row.builtIn)) return false;
    }
    const fresh = new Map(rows.map((row) => [row.id, row]));
    const moved: number[] = [];
    const edited: { at: number; text: boolean; tags: boolean }[] = [];
    let grew = false;
    for (const id of changedIds) {
      const row = fresh.get(id);
      const at = this.byId.get(id);
      if (row === undefined) {
        if (at === undefined) continue;
        this.gone.add(at);
        this.byId.delete(id);
        moved.push(at);
      } else if (at === undefined) {
        const entry: Entry = { ...row, at: this.entries.length };
        this.entries.push(entry);
        this.byId.set(id, entry.at);
        this.text.update(entry.at, row.text);
        moved.push(entry.at);
        grew = true;
      } else {
        const old = this.entries[at];
        this.entries[at] = { ...row, at };
        const text = old.text !== row.text;
        if (text) this.text.update(at, row.text);
        edited.push({ at, text, tags: old.tags.join(' ') !== row.tags.join(' ') });
        moved.push(at);
      }
    }
    if (this.text.changedCount > TEXT_REBUILD_LIMIT) {
      this.text = new TextIndex(this.entries.map((entry) => entry.text));
      this.hits.clear();
    }
    if (grew) {
      // New cards: every per-card array grows (a few ms), remembered hits are recomputed when next searched.
      this.indexDecks();
      this.columns = columnsOf(this.entries);
      this.hits.clear();
    } else {
      for (const { at, text, tags } of edited) {
        setColumns(this.columns, this.entries[at]);
        this.deckOf[at] = this.deckNumber(this.entries[at]);
        if (text || tags) this.updateHits(at);
      }
    }
    this.reorder(moved);
    return true;
  }

  private updateHits(at: number): void {
    const entry = this.entries[at];
    for (const [key, hits] of this.hits) {
      hits[at] = (key.startsWith(TAG_KEY) ? entry.tags.includes(key.slice(TAG_KEY.length)) : this.text.has(at, key)) ? 1 : 0;
    }
  }

  /** Takes the moved entries out of each cached order and puts the listed ones back at their sorted place. */
  private reorder(moved: readonly number[]): void {
    if (moved.length === 0) return;
    if (moved.length > REORDER_LIMIT) {
      this.orders.clear();
      return;
    }
    const isMoved = new Uint8Array(this.entries.length);
    for (const at of moved) isMoved[at] = 1;
    const back = moved.filter((at) => !this.gone.has(at));
    for (const [sort, order] of this.orders) {
      const compare = COMPARE[sort];
      const next = new Int32Array(order.length + back.length);
      let length = 0;
      for (let k = 0; k < order.length; k++) if (!isMoved[order[k]]) next[length++] = order[k];
      for (const at of back) {
        const entry = this.entries[at];
        let lo = 0;
        let hi = length;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (compare(this.entries[next[mid]], entry) <= 0) lo = mid + 1;
          else hi = mid;
        }
        next.copyWithin(lo + 1, lo, length);
        next[lo] = at;
        length++;
      }
      this.orders.set(sort, next.subarray(0, length));
    }
  }

  private order(sort: BrowseSort): Int32Array {
    let order = this.orders.get(sort);
    if (!order) {
      const listed = this.entries.filter((entry) => !this.gone.has(entry.at));
      this.orders.set(sort, (order = Int32Array.from(listed.sort(COMPARE[sort]), (entry) => entry.at)));
    }
    return order;
  }

  private wordHits(word: string): Uint8Array {
    let hits = this.hits.get(word);
    if (!hits) {
      if (this.hits.size > 64) this.hits.clear();
      this.hits.set(word, (hits = this.text.mark(word, this.entries.length)));
    }
    return hits;
  }

  private tagHits(tag: string): Uint8Array {
    const key = TAG_KEY + tag;
    let hits = this.hits.get(key);
    if (!hits) this.hits.set(key, (hits = Uint8Array.from(this.entries, (entry) => (entry.tags.includes(tag) ? 1 : 0))));
    return hits;
  }

  /** The filter's non-text terms as one byte per card. */
  private fieldMask(filter: BrowseFilter, day: number): Uint8Array {
    const n = this.entries.length;
    const keep = new Uint8Array(n).fill(1);
    for (const t of filter.decks) {
      const value = t.value.toLowerCase();
      const wanted = this.decks.map((d) => d.id === t.value || d.lower.startsWith(value));
      for (let i = 0; i < n; i++) if (keep[i] && wanted[this.deckOf[i]] === t.negate) keep[i] = 0;
    }
    for (const t of filter.tags) {
      const hits = this.tagHits(t.value);
      const want = t.negate ? 0 : 1;
      for (let i = 0; i < n; i++) if (hits[i] !== want) keep[i] = 0;
    }
    if (filter.states.length + filter.proofs.length > 0 || filter.dueWithin !== null || filter.overdue) {
      const { queue, due, drill, proof } = this.columns;
      const QUEUES = ['new', 'review', 'suspended'] as const;
      const PROOFS = ['none', 'pass', 'fail'] as const;
      for (let i = 0; i < n; i++) {
        if (!keep[i]) continue;
        const q = queue[i];
        const state = drill[i] === day && q !== 2 ? 'learning' : QUEUES[q];
        const reviewDue = q === 1 ? due[i] : NaN;
        let ok = true;
        for (const t of filter.states) if ((t.value === 'due' ? reviewDue <= day : state === t.value) === t.negate) ok = false;
        for (const t of filter.proofs) if ((PROOFS[proof[i]] === t.value) === t.negate) ok = false;
        if (filter.dueWithin !== null && !(reviewDue <= day + filter.dueWithin)) ok = false;
        if (filter.overdue && !(reviewDue < day)) ok = false;
        if (!ok) keep[i] = 0;
      }
    }
    return keep;
  }

  /** The indices of the matching cards, in order. */
  select(filter: BrowseFilter, sort: BrowseSort, descending: boolean, day: number): Int32Array {
    const order = this.order(sort);
    const n = this.entries.length;
    // One byte per card: 1 while it still matches every term.
    let keep: Uint8Array | null = null;
    for (const t of filter.text) {
      const hits = this.wordHits(t.value.toLowerCase());
      const want = t.negate ? 0 : 1;
      if (keep === null) keep = t.negate ? hits.map((h) => 1 - h) : hits;
      else {
        const next: Uint8Array = new Uint8Array(n);
        for (let i = 0; i < n; i++) next[i] = keep[i] & (hits[i] === want ? 1 : 0);
        keep = next;
      }
    }
    const fieldTerms = filter.decks.length + filter.tags.length + filter.states.length + filter.proofs.length > 0 || filter.dueWithin !== null || filter.overdue;
    if (fieldTerms) {
      const fields = this.fieldMask(filter, day);
      keep = keep === null ? fields : keep.map((k, i) => k & fields[i]);
    }
    let rows: Int32Array;
    if (keep === null) rows = order;
    else {
      const picked = new Int32Array(order.length);
      let count = 0;
      for (let k = 0; k < order.length; k++) if (keep[order[k]]) picked[count++] = order[k];
      rows = picked.subarray(0, count);
    }
    return descending ? rows.slice().reverse() : rows;
  }
}
