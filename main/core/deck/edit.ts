// Card edits for the editor: each rewrites one card's lines and parses them back, refusing content the file
// format could not give back unchanged (a stray `## ` line, an unclosed fence, a second proof block…).
import type { DeckFileError } from '../../contract/deck';
import { message, type EditorField, type Message } from '../../contract/messages';
import { isValidCardId } from './cardId';
import { scanFences } from './fences';
import { isCodingHeading } from './heading';
import { canonicalFields, type CardFields, formatCard, type FormattableCard } from './format';
import { isBlank, splitLines } from './lines';
import { parseDeck } from './parse';
import { serializeDeck } from './serialize';
import type { DeckFileCard, ParsedDeckFile } from './types';

/** A refusal names the editor field it concerns where there is one (the card's text, its tags, its proof). */
export type CardEditResult = { ok: true; parsed: ParsedDeckFile; text: string } | { ok: false; error: Message };

/** Each content field's name in messages, and the editor field it is typed in. */
const FIELDS: Record<keyof CardFields, { part: string; field: EditorField }> = {
  frontMd: { part: 'question', field: 'question' },
  backMd: { part: 'answer', field: 'answer' },
  proofCode: { part: 'proof code', field: 'proof' },
  proofLang: { part: 'proof language', field: 'proof' },
  code: { part: 'starter or solution code', field: 'code' },
  tags: { part: 'tags', field: 'tags' },
};

function checkFields(fields: FormattableCard): Message | null {
  if (fields.id != null && !isValidCardId(fields.id)) return message('card.badId', { id: fields.id }, 'question');
  const badTag = fields.tags.find((tag) => /[\s"\\]/.test(tag));
  if (badTag !== undefined) return message('card.badTag', { tag: badTag }, 'tags');
  if (canonicalFields(fields).frontMd === '') return message('card.emptyQuestion', {}, 'question');
  for (const [field, markdown] of [['question', fields.frontMd], ['answer', fields.backMd]] as const) {
    const lines = splitLines(markdown);
    const { fences, comments } = scanFences(lines, 0, lines.length);
    const open = fences.find((fence) => fence.close === null);
    if (open) return message('card.unterminatedFence', { part: field, line: open.open + 1, fence: open.char.repeat(open.length) }, field);
    const comment = comments.find((block) => block.close === null);
    if (comment) return message('card.unterminatedComment', { part: field, line: comment.open + 1 }, field);
  }
  if (fields.proofCode !== null && fields.proofLang !== null && fields.proofLang !== 'js' && fields.proofLang !== 'ts') {
    return message('card.unknownProofLang', { lang: String(fields.proofLang) }, 'proof');
  }
  return null;
}

/** Lines `start` (1-based) through the end of `raw`: where an edited card lies in the new text. */
interface LineRange {
  start: number;
  end: number;
}

function lineCountOf(text: string): number {
  return text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

function rangeAfter(prefix: string, raw: string): LineRange {
  const start = lineCountOf(prefix) + 1;
  return { start, end: start + lineCountOf(raw) };
}

/** Checks that the card at `index` of a fresh parse reads back as `fields` and brought no error of its own. */
function checkReadBack(parsed: ParsedDeckFile, index: number, expectedCount: number, range: LineRange, fields: CardFields): Message | null {
  const cardErrors = parsed.errors.filter((error: DeckFileError) => error.line >= range.start && error.line < range.end);
  if (cardErrors.length > 0) return message('card.problems', { problems: cardErrors.map(({ code, params }) => ({ code, params })) });
  if (parsed.cards.length !== expectedCount) return message('card.wouldSplit');
  const card = parsed.cards[index];
  const expected = canonicalFields(fields);
  for (const key of Object.keys(FIELDS) as (keyof CardFields)[]) {
    if (JSON.stringify(card[key]) !== JSON.stringify(expected[key])) {
      return message('card.readsBackDifferently', { part: FIELDS[key].part }, FIELDS[key].field);
    }
  }
  return null;
}

/** Re-parses the whole `text` and checks card `index` (see checkReadBack). */
function verify(text: string, file: string, index: number, expectedCount: number, range: LineRange, fields: CardFields): CardEditResult {
  const parsed = parseDeck(text, file);
  const error = checkReadBack(parsed, index, expectedCount, range, fields);
  return error === null ? { ok: true, parsed, text } : { ok: false, error };
}

/**
 * Replaces card `index` by `raw` and checks it by parsing that card alone after the file's front matter. In a file
 * that parses without errors every card ends outside any code fence and HTML comment, so a card reads the same
 * alone as in place, and the other cards are untouched: only their line numbers shift. This keeps one edit (and a
 * bulk tag or delete, card by card) from re-parsing the whole file each time.
 */
function replaceVerified(parsed: ParsedDeckFile, index: number, raw: string, fields: CardFields): CardEditResult {
  const alone = parseDeck(parsed.frontMatterRaw + raw, parsed.file);
  const start = lineCountOf(parsed.frontMatterRaw) + 1;
  const error = checkReadBack(alone, 0, 1, { start, end: start + lineCountOf(raw) }, fields);
  if (error !== null) return { ok: false, error };
  const old = parsed.cards[index];
  const card: DeckFileCard = { ...alone.cards[0], line: old.line };
  const shift = card.lineCount - old.lineCount;
  const cards = parsed.cards.map((c, at) => (at < index ? c : at === index ? card : shift === 0 ? c : { ...c, line: c.line + shift }));
  const next = { ...parsed, cards };
  return { ok: true, parsed: next, text: serializeDeck(next) };
}

/** Blank lines ending a card's raw text: the gap before the next card, kept as it was. */
function splitTrailingBlankLines(raw: string): { content: string; gap: string } {
  const lines = splitLines(raw);
  let first = lines.length;
  while (first > 1 && isBlank(lines[first - 1].text)) first--;
  const content = lines.slice(0, first).map((line) => line.text + line.eol).join('');
  return { content, gap: raw.slice(content.length) };
}

/** Edits write the file back, so a file that does not parse cleanly is left for the user to fix first. */
function fileProblem(parsed: ParsedDeckFile): Message | null {
  const [first] = parsed.errors;
  if (first === undefined) return null;
  const problem = { code: first.code, params: first.params };
  return message('card.fixFileFirst', { file: first.file, line: first.line, problem, more: parsed.errors.length - 1 }, 'file');
}

export function updateCard(parsed: ParsedDeckFile, cardIndex: number, fields: CardFields): CardEditResult {
  const broken = fileProblem(parsed);
  if (broken !== null) return { ok: false, error: broken };
  const card = parsed.cards[cardIndex];
  if (card === undefined) return { ok: false, error: message('card.noSuchIndex', { number: cardIndex + 1 }) };
  const problem = checkFields({ ...fields, id: card.id });
  if (problem !== null) return { ok: false, error: problem };
  const { content, gap } = splitTrailingBlankLines(card.raw);
  let formatted = formatCard({ ...fields, id: card.id, attributes: card.attributes }, parsed.eol);
  const [originalHeading] = splitLines(content);
  const [newHeading] = splitLines(formatted);
  const expected = canonicalFields(fields);
  // Unchanged question and tags: keep the heading line byte for byte (its spacing and attribute order).
  const sameHeading = expected.frontMd.split('\n')[0] === card.frontMd.split('\n')[0] && expected.tags.join(' ') === card.tags.join(' ');
  // …unless the card becomes a coding card: its heading then gains `type="code"`.
  if (sameHeading && (expected.code === null || isCodingHeading(card.attributes))) {
    formatted = originalHeading.text + formatted.slice(newHeading.text.length);
  }
  // The last card of a file without a final newline stays without one.
  if (gap === '' && !content.endsWith('\n')) formatted = formatted.slice(0, -parsed.eol.length);
  return replaceVerified(parsed, cardIndex, formatted + gap, fields);
}

/** Appends a card at the end of the file, after one blank line. Without `id` it has none yet (see assignMissingIds). */
export function appendCard(parsed: ParsedDeckFile, card: FormattableCard): CardEditResult {
  const problem = fileProblem(parsed) ?? checkFields(card);
  if (problem !== null) return { ok: false, error: problem };
  let text = serializeDeck(parsed);
  const last = splitLines(parsed.bom ? text.slice(1) : text).at(-1);
  if (last !== undefined) {
    if (last.eol === '') text += parsed.eol;
    if (!isBlank(last.text)) text += parsed.eol;
  }
  const formatted = formatCard(card, parsed.eol);
  const range = rangeAfter(text, formatted);
  text += formatted;
  return verify(text, parsed.file, parsed.cards.length, parsed.cards.length + 1, range, card);
}

export function removeCard(parsed: ParsedDeckFile, cardIndex: number): CardEditResult {
  const broken = fileProblem(parsed);
  if (broken !== null) return { ok: false, error: broken };
  if (parsed.cards[cardIndex] === undefined) return { ok: false, error: message('card.noSuchIndex', { number: cardIndex + 1 }) };
  // The cards around it read the same without it (see replaceVerified): only the later ones move up.
  const removed = parsed.cards[cardIndex].lineCount;
  const cards = parsed.cards.flatMap((c, at) => (at < cardIndex ? [c] : at === cardIndex ? [] : [{ ...c, line: c.line - removed }]));
  const next = { ...parsed, cards };
  return { ok: true, parsed: next, text: serializeDeck(next) };
}
