// Which card each notes section is, on re-import: matched by what it says, never by where it is (issue 14). A card
// keeps its id, and so its history, through ONE change — heading renamed, body edited (at least half of its lines
// kept) or section moved. Heading and body both changed is a new card unless the user confirms a suggested match;
// a section with several equally good candidates (repeated headings such as 模型介绍 under LeNet, AlexNet, VGG) is a
// new card too, listed, because guessing could give one section another's history. Sections are compared with what
// the last import wrote (the baseline), not with the user's edited deck text: the user's edits are not the notes.

/** A card's text as the deck parser reads it: question (frontMd) and answer (backMd). */
export interface CardText {
  question: string;
  answer: string;
}

/**
 * A section's text. `otherQuestions`: the same heading as the importer words it elsewhere — with or without its
 * parent ("LeNet · 模型介绍": the parent is added only while the title repeats, so an edit elsewhere in the file can
 * add or drop it) and as importers before issue 13's rules wrote it. A baseline with one of those questions has the
 * same heading: the importer's wording changed, not the user's.
 */
export interface SectionText extends CardText {
  otherQuestions?: readonly string[];
}

export interface BaselineCard extends CardText {
  id: string;
  /** A user's card kept beside the notes' version of it: matched to no section, carried over unchanged. */
  detached?: boolean;
}

export type MatchKind = 'same' | 'renamed' | 'edited' | 'confirmed';

export interface SectionMatch {
  previousId: string;
  kind: MatchKind;
}

/** A previous card the user may confirm as this section (both changed, or one of several equal candidates). */
export interface MatchSuggestion {
  section: number;
  previousId: string;
  reason: 'both-changed' | 'ambiguous';
}

export interface IdentityResult {
  /** Per section, the previous card it is, or null for a new card. */
  matches: (SectionMatch | null)[];
  /** Sections that had several single-change candidates and so became new cards. */
  ambiguous: { section: number; candidates: string[] }[];
  suggestions: MatchSuggestion[];
}

const bodyLines = (answer: string): string[] => answer.split('\n').map((line) => line.trim()).filter((line) => line !== '');

/** The new body keeps at least half of the old body's lines (as a multiset: a repeated line counts each time). */
export function keepsHalfOfLines(oldAnswer: string, newAnswer: string): boolean {
  const old = bodyLines(oldAnswer);
  if (old.length === 0) return false;
  const available = new Map<string, number>();
  for (const line of bodyLines(newAnswer)) available.set(line, (available.get(line) ?? 0) + 1);
  let kept = 0;
  for (const line of old) {
    const left = available.get(line) ?? 0;
    if (left > 0) {
      kept++;
      available.set(line, left - 1);
    }
  }
  return kept * 2 >= old.length;
}

/** Whether the card's question is the section's heading, in this importer's wording or the older one's. */
const sameHeading = (previous: CardText, section: SectionText): boolean =>
  previous.question === section.question || (section.otherQuestions ?? []).includes(previous.question);

/** How `section` is a single change of `previous`, or null when it is not one. */
function singleChange(previous: CardText, section: SectionText): 'renamed' | 'edited' | null {
  const sameQuestion = sameHeading(previous, section);
  if (!sameQuestion && previous.answer === section.answer) return 'renamed';
  if (sameQuestion && previous.answer !== section.answer && keepsHalfOfLines(previous.answer, section.answer)) return 'edited';
  return null;
}

const exactKey = (card: CardText) => `${card.question}\u0000${card.answer}`;

/**
 * Matches sections to previous cards. `confirmed` maps a section index to the previous id the user confirmed in
 * the preview; it is honoured when that card is still unclaimed.
 */
export function matchSections(
  sections: readonly SectionText[],
  previous: readonly BaselineCard[],
  confirmed: ReadonlyMap<number, string> = new Map(),
): IdentityResult {
  const matches: (SectionMatch | null)[] = sections.map(() => null);
  const claimed = new Set<string>();
  const byId = new Map(previous.map((card) => [card.id, card]));
  const claim = (section: number, previousId: string, kind: MatchKind) => {
    matches[section] = { previousId, kind };
    claimed.add(previousId);
  };

  for (const [section, previousId] of confirmed) {
    if (section < sections.length && byId.has(previousId) && !claimed.has(previousId) && !matches[section]) claim(section, previousId, 'confirmed');
  }

  // Unchanged (perhaps moved): identical text, paired in order when the same text appears more than once.
  const unchanged = new Map<string, BaselineCard[]>();
  for (const card of previous) if (!claimed.has(card.id)) unchanged.set(exactKey(card), [...(unchanged.get(exactKey(card)) ?? []), card]);
  sections.forEach((section, index) => {
    if (matches[index]) return;
    const wordings = [section.question, ...(section.otherQuestions ?? [])];
    const next = wordings.map((question) => unchanged.get(exactKey({ question, answer: section.answer }))).find((cards) => cards?.length)?.shift();
    if (next) claim(index, next.id, 'same');
  });

  // One change: matched only when the section and the card are each other's only candidate.
  const open = sections.flatMap((_, index) => (matches[index] ? [] : [index]));
  const left = previous.filter((card) => !claimed.has(card.id));
  const candidates = new Map<number, { card: BaselineCard; kind: 'renamed' | 'edited' }[]>();
  const claimants = new Map<string, number>();
  for (const index of open) {
    const found = left.flatMap((card) => {
      const kind = singleChange(card, sections[index]);
      return kind ? [{ card, kind }] : [];
    });
    candidates.set(index, found);
    for (const { card } of found) claimants.set(card.id, (claimants.get(card.id) ?? 0) + 1);
  }
  const ambiguous: IdentityResult['ambiguous'] = [];
  for (const index of open) {
    const found = candidates.get(index)!;
    if (found.length === 1 && claimants.get(found[0].card.id) === 1) claim(index, found[0].card.id, found[0].kind);
    else if (found.length > 0) ambiguous.push({ section: index, candidates: found.map(({ card }) => card.id) });
  }

  const suggestions: MatchSuggestion[] = [];
  for (const { section, candidates: ids } of ambiguous) {
    for (const previousId of ids) if (!claimed.has(previousId)) suggestions.push({ section, previousId, reason: 'ambiguous' });
  }
  for (const index of open) {
    if (matches[index] || candidates.get(index)!.length > 0) continue;
    for (const card of previous) {
      if (claimed.has(card.id) || sameHeading(card, sections[index])) continue;
      if (keepsHalfOfLines(card.answer, sections[index].answer)) suggestions.push({ section: index, previousId: card.id, reason: 'both-changed' });
    }
  }
  return { matches, ambiguous, suggestions };
}

/**
 * How many matched sections moved: those outside the longest run that kept the previous order (so moving one
 * section counts one, not every section it jumped over).
 */
export function countMoved(matches: readonly (SectionMatch | null)[], previousOrder: readonly string[]): number {
  const rank = new Map(previousOrder.map((id, index) => [id, index]));
  const ranks = matches.flatMap((match) => (match && rank.has(match.previousId) ? [rank.get(match.previousId)!] : []));
  const tails: number[] = [];
  for (const value of ranks) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (tails[mid] < value) low = mid + 1;
      else high = mid;
    }
    tails[low] = value;
  }
  return ranks.length - tails.length;
}
