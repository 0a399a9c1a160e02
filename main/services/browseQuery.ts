// The browse query language (Anki-like, kept small), parsed into a filter:
//   free words        substring of question or answer (any script: 动量 matches without spaces)
//   "two words"       a quoted phrase
//   deck:X            deck id, or a deck name starting with X (quote names with spaces: deck:"My deck")
//   tag:X             a card tag
//   is:new | is:learning | is:review | is:suspended | is:due
//   proof:pass | proof:fail | proof:none   (from the stored proof results for the card's current text)
//   due:N             review cards due within N days (due:0 = today, due:overdue = before today)
//   -term             negates any of the above
import type { BrowseQueryError } from '../contract/api';
import { message } from '../contract/messages';

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
export function parseBrowseQuery(query: string): { filter: BrowseFilter; errors: BrowseQueryError[] } {
  const filter: BrowseFilter = { text: [], decks: [], tags: [], states: [], proofs: [], dueWithin: null, overdue: false };
  const errors: BrowseQueryError[] = [];
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
      else errors.push(message('browse.badIs', { value }));
    } else if (key === 'proof') {
      const proof = value.toLowerCase();
      if ((PROOFS as readonly string[]).includes(proof)) filter.proofs.push({ value: proof as BrowseFilter['proofs'][number]['value'], negate });
      else errors.push(message('browse.badProof', { value }));
    } else if (key === 'due') {
      if (value === 'overdue') filter.overdue = true;
      else if (/^\d{1,5}$/.test(value)) filter.dueWithin = Number(value);
      else if (value === 'today') filter.dueWithin = 0;
      else errors.push(message('browse.badDue', { value }));
    } else filter.text.push(term(key ? token.replace('\u0000', '') : value));
  }
  return { filter, errors };
}
