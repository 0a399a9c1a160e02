// Browse: one searchable list of every card. The query language (Anki-like, kept small):
//   free words        substring of question or answer (any script: 动量 matches without spaces)
//   "two words"       a quoted phrase
//   deck:X            deck id, or a deck name starting with X (quote names with spaces: deck:"My deck")
//   tag:X             a card tag
//   is:new | is:learning | is:review | is:suspended | is:due
//   proof:pass | proof:fail | proof:none   (from the stored proof results for the card's current text)
//   due:N             review cards due within N days (due:0 = today, due:overdue = before today)
//   -term             negates any of the above
import type { BrowsePage, BrowseRow, BrowseSort } from '../contract/api';
import type { Db } from '../storage/database';
import { changeCounter, readBrowseSource, type BrowseSource } from '../storage/browseStore';

export interface BrowseTerm {
  value: string;
  negate: boolean;
}

export interface BrowseFilter {
  text: BrowseTerm[];
  decks: BrowseTerm[];
  tags: BrowseTerm[];
  states: { value: 'new' | 'learning' | 'review' | 'suspended' | 'due'; negate: boolean }[];
  proofs: { value: 'pass' | 'fail' | 'none'; negate: boolean }[];
  dueWithin: number | null;
  overdue: boolean;
}

const STATES = ['new', 'learning', 'review', 'suspended', 'due'] as const;
const PROOFS = ['pass', 'fail', 'none'] as const;

function tokens(query: string): string[] {
  const out: string[] = [];
  for (const match of query.matchAll(/(-?)([\p{L}\p{N}_]+:)?"([^"]*)"?|(\S+)/gu)) {
    if (match[4] !== undefined) out.push(match[4]);
    else out.push(`${match[1]}${match[2] ?? ''}\u0000${match[3]}`); // \0 marks a quoted value (taken literally)
  }
  return out;
}

/** Pure: the query text → a filter and the problems found in it (an unknown keyword stays a search word). */
export function parseBrowseQuery(query: string): { filter: BrowseFilter; errors: string[] } {
  const filter: BrowseFilter = { text: [], decks: [], tags: [], states: [], proofs: [], dueWithin: null, overdue: false };
  const errors: string[] = [];
  for (const raw of tokens(query)) {
    const negate = raw.startsWith('-') && raw.length > 1;
    const token = negate ? raw.slice(1) : raw;
    const colon = token.indexOf(':');
    const key = colon > 0 && !token.startsWith('\u0000') ? token.slice(0, colon).toLowerCase() : '';
    const value = (key ? token.slice(colon + 1) : token).replace(/^\u0000/, '');
    const term = (v: string): BrowseTerm => ({ value: v, negate });
    if (value === '') continue;
    if (key === 'deck') filter.decks.push(term(value));
    else if (key === 'tag') filter.tags.push(term(value));
    else if (key === 'is') {
      const state = value.toLowerCase();
      if ((STATES as readonly string[]).includes(state)) filter.states.push({ value: state as BrowseFilter['states'][number]['value'], negate });
      else errors.push(`is:${value}: use is:new, is:learning, is:review, is:suspended or is:due`);
    } else if (key === 'proof') {
      const proof = value.toLowerCase();
      if ((PROOFS as readonly string[]).includes(proof)) filter.proofs.push({ value: proof as BrowseFilter['proofs'][number]['value'], negate });
      else errors.push(`proof:${value}: use proof:pass, proof:fail or proof:none`);
    } else if (key === 'due') {
      if (value === 'overdue') filter.overdue = true;
      else if (/^\d{1,5}$/.test(value)) filter.dueWithin = Number(value);
      else if (value === 'today') filter.dueWithin = 0;
      else errors.push(`due:${value}: use due:N (days from today), due:today or due:overdue`);
    } else filter.text.push(term(key ? token.replace('\u0000', '') : value));
  }
  return { filter, errors };
}

interface Entry extends BrowseSource {
  /** Index in the snapshot (the text search marks matches by it). */
  at: number;
  deckLower: string;
}

function stateOf(entry: BrowseSource, today: number): BrowseRow['state'] {
  return entry.drillDay === today && entry.queue !== 'suspended' ? 'learning' : entry.queue;
}

/**
 * Every card's lower-cased question + answer in one string, NUL-separated. A search is a run of indexOf calls
 * (V8's substring search, far faster than testing 100,000 strings one by one), each hit mapped to its card by
 * the offsets; case-insensitive in every script and a plain substring match, so 动量 needs no word breaks.
 */
class TextIndex {
  private readonly text: string;
  private readonly starts: Int32Array;
  constructor(texts: readonly string[]) {
    // Lower-case first: it can change a string's length (İ → i̇), and the offsets must match the joined text.
    const lowered = texts.map((t) => t.toLowerCase().replaceAll('\u0000', ' '));
    this.starts = new Int32Array(texts.length + 1);
    let offset = 0;
    lowered.forEach((text, i) => {
      this.starts[i] = offset;
      offset += text.length + 1;
    });
    this.starts[texts.length] = offset;
    this.text = lowered.join('\u0000') + '\u0000';
  }

  /** 1 for each card whose text contains `word` (already lower-cased). */
  mark(word: string): Uint8Array {
    const hits = new Uint8Array(this.starts.length - 1);
    let card = 0;
    for (let pos = this.text.indexOf(word); pos >= 0; ) {
      while (this.starts[card + 1] <= pos) card++;
      hits[card] = 1;
      pos = this.text.indexOf(word, this.starts[card + 1]);
    }
    return hits;
  }
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const COMPARE: Record<BrowseSort, (a: Entry, b: Entry) => number> = {
  // Decks as the home screen lists them (built-in first, by file path), each in file order.
  deck: (a, b) => Number(b.builtIn) - Number(a.builtIn) || (a.sourcePath < b.sourcePath ? -1 : a.sourcePath > b.sourcePath ? 1 : 0) || a.position - b.position,
  question: (a, b) => collator.compare(a.question, b.question) || (a.id < b.id ? -1 : 1),
  due: (a, b) => (a.dueDay ?? Infinity) - (b.dueDay ?? Infinity) || COMPARE.deck(a, b),
  created: (a, b) => a.createdAt - b.createdAt || COMPARE.deck(a, b),
  updated: (a, b) => a.updatedAt - b.updatedAt || COMPARE.deck(a, b),
};

/** The filter's non-text terms as one byte per card, each term a pass over the snapshot (tag masks are cached). */
function fieldMask(snap: { entries: Entry[]; decks: { id: string; lower: string }[]; deckOf: Int32Array; columns: Columns }, filter: BrowseFilter, day: number, cache: Map<string, Uint8Array>): Uint8Array {
  const entries = snap.entries;
  const n = entries.length;
  const keep = new Uint8Array(n).fill(1);
  for (const t of filter.decks) {
    const value = t.value.toLowerCase();
    const wanted = snap.decks.map((d) => d.id === t.value || d.lower.startsWith(value));
    for (let i = 0; i < n; i++) if (keep[i] && wanted[snap.deckOf[i]] === t.negate) keep[i] = 0;
  }
  for (const t of filter.tags) {
    let hits = cache.get(`\u0000tag:${t.value}`);
    if (!hits) cache.set(`\u0000tag:${t.value}`, (hits = Uint8Array.from(entries, (e) => (e.tags.includes(t.value) ? 1 : 0))));
    const want = t.negate ? 0 : 1;
    for (let i = 0; i < n; i++) if (hits[i] !== want) keep[i] = 0;
  }
  if (filter.states.length + filter.proofs.length > 0 || filter.dueWithin !== null || filter.overdue) {
    // State, due and proof terms read typed columns: no object is touched for them.
    const { queue, due, drill, proof } = snap.columns;
    const QUEUES = ['new', 'review', 'suspended'] as const;
    const PROOFS = ['none', 'pass', 'fail'] as const;
    for (let i = 0; i < n; i++) {
      if (!keep[i]) continue;
      const q = queue[i];
      const state = drill[i] === day && q !== 2 ? 'learning' : QUEUES[q];
      const reviewDue = q === 1 ? due[i] : NaN; // NaN compares false: no due day
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

interface Columns {
  /** 0 new, 1 review, 2 suspended. */
  queue: Uint8Array;
  /** Due and drill days, NaN when none. */
  due: Float64Array;
  drill: Float64Array;
  /** 0 none, 1 pass, 2 fail. */
  proof: Uint8Array;
}

function columnsOf(entries: readonly Entry[]): Columns {
  return {
    queue: Uint8Array.from(entries, (e) => (e.queue === 'new' ? 0 : e.queue === 'review' ? 1 : 2)),
    due: Float64Array.from(entries, (e) => e.dueDay ?? NaN),
    drill: Float64Array.from(entries, (e) => e.drillDay ?? NaN),
    proof: Uint8Array.from(entries, (e) => (e.proof === 'none' ? 0 : e.proof === 'pass' ? 1 : 2)),
  };
}

const hasFieldTerms = (f: BrowseFilter) => f.decks.length + f.tags.length + f.states.length + f.proofs.length > 0 || f.dueWithin !== null || f.overdue;

/**
 * The browse index: every live card in memory, re-read only when the database changed since (any answer, edit,
 * sync or proof result). Each sort order is an array of card indices computed once per snapshot, each searched
 * word's hits a byte per card remembered until the next snapshot: a keystroke is a pass over typed arrays.
 */
export function createBrowseService(db: () => Db, today: () => number) {
  let snapshot: { db: Db; counter: number; entries: Entry[]; decks: { id: string; lower: string }[]; deckOf: Int32Array; columns: Columns; orders: Map<BrowseSort, Int32Array>; text: TextIndex; words: Map<string, Uint8Array> } | null = null;

  function current() {
    const handle = db();
    const counter = changeCounter(handle);
    if (snapshot?.db !== handle || snapshot.counter !== counter) {
      const source = readBrowseSource(handle);
      const entries = source.map((e, at) => ({ ...e, at, deckLower: e.deckName.toLowerCase() }));
      const deckIndex = new Map<string, number>();
      const decks: { id: string; lower: string }[] = [];
      const deckOf = Int32Array.from(entries, (e) => {
        let index = deckIndex.get(e.deckId);
        if (index === undefined) {
          deckIndex.set(e.deckId, (index = decks.length));
          decks.push({ id: e.deckId, lower: e.deckLower });
        }
        return index;
      });
      snapshot = { db: handle, counter, entries, decks, deckOf, columns: columnsOf(entries), orders: new Map(), text: new TextIndex(source.map((e) => e.text)), words: new Map() };
    }
    return snapshot;
  }

  function select(arg: { query: string; sort: BrowseSort; descending: boolean }): { rows: Int32Array; entries: Entry[]; errors: string[]; day: number } {
    const snap = current();
    const day = today();
    const { filter, errors } = parseBrowseQuery(arg.query);
    let order = snap.orders.get(arg.sort);
    if (!order) snap.orders.set(arg.sort, (order = Int32Array.from([...snap.entries].sort(COMPARE[arg.sort]), (e) => e.at)));
    const n = snap.entries.length;
    // One byte per card: 1 while it still matches every term.
    let keep: Uint8Array | null = null;
    for (const t of filter.text) {
      const word = t.value.toLowerCase();
      let hits = snap.words.get(word);
      if (!hits) {
        if (snap.words.size > 64) snap.words.clear();
        snap.words.set(word, (hits = snap.text.mark(word)));
      }
      const want = t.negate ? 0 : 1;
      if (keep === null) keep = t.negate ? hits.map((h) => 1 - h) : hits;
      else {
        const next: Uint8Array = new Uint8Array(n);
        for (let i = 0; i < n; i++) next[i] = keep[i] & (hits[i] === want ? 1 : 0);
        keep = next;
      }
    }
    if (hasFieldTerms(filter)) {
      const fields = fieldMask(snap, filter, day, snap.words);
      keep = keep === null ? fields : keep.map((k, i) => k & fields[i]);
    }
    let rows: Int32Array;
    if (keep === null) rows = order;
    else {
      const picked = new Int32Array(n);
      let count = 0;
      for (let k = 0; k < n; k++) if (keep[order[k]]) picked[count++] = order[k];
      rows = picked.subarray(0, count);
    }
    if (arg.descending) rows = rows.slice().reverse();
    return { rows, entries: snap.entries, errors, day };
  }

  return {
    page(arg: { query: string; sort: BrowseSort; descending: boolean; offset: number; limit: number }): BrowsePage {
      const started = performance.now();
      const { rows, entries, errors, day } = select(arg);
      const page = Array.from(rows.subarray(arg.offset, arg.offset + arg.limit), (at): BrowseRow => {
        const e = entries[at];
        return { id: e.id, deckId: e.deckId, deckName: e.deckName, question: e.question, tags: e.tags, state: stateOf(e, day), dueDay: e.dueDay, proof: e.proof };
      });
      return { total: rows.length, offset: arg.offset, rows: page, queryErrors: errors, ms: performance.now() - started };
    },
    ids(arg: { query: string; sort: BrowseSort; descending: boolean }): string[] {
      const { rows, entries } = select(arg);
      return Array.from(rows, (at) => entries[at].id);
    },
  };
}
