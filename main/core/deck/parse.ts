// parseDeck: text → cards, metadata, every problem with its line, and the layout for an exact round trip.
//
// Format decisions beyond ARCHITECTURE.md, each chosen so a file reads the way a Markdown renderer shows it:
// - A card starts at a line beginning `## ` (or a bare `##`) in column 0, outside fenced code blocks
//   (``` or ~~~, CommonMark rules) and HTML comment blocks (`<!--` … `-->`, so a card can be commented out);
//   `### `, ` ## ` (indented), fenced and commented `## ` lines are answer text.
// - The question separator is the first line of the card holding only `?` (spaces around it allowed) outside
//   fences. With one, frontMd = heading text + "\n\n" + the lines above it (blank-trimmed); the answer is
//   what follows it. A proof block above the `?` is an error.
// - frontMd/backMd/proofCode use '\n' whatever the file's line endings, so content hashes do not depend on them.
// - Removing the proof block from the answer also drops one of the two blank lines around it.
// - The heading text must not be empty even when a question body follows (lists show the heading alone).
// - The segments (front matter, preamble, each card's raw text) partition the text, so serializeDeck is exact
//   for every input, errors or not.
import type { DeckFileError } from '../../contract/deck';
import { message, type Message } from '../../contract/messages';
import { codeBlockOf, type CodeBlockRole, fenceContent, type Fence, proofLangOf, scanFences } from './fences';
import { parseFrontMatter } from './frontMatter';
import { HEADING, isCodingHeading, parseHeadingText } from './heading';
import { isBlank, joinRaw, type SourceLine, splitLines, toMarkdown } from './lines';
import type { DeckFileCard, LineEnding, ParsedDeckFile } from './types';

const BOM = '\uFEFF';
export const DEFAULT_FILE_NAME = '<deck>';

/** Question/answer separator: a line holding only `?` (outside code fences). */
function isQuestionSeparator(text: string): boolean {
  return text.trim() === '?';
}

export function parseDeck(text: string, file: string = DEFAULT_FILE_NAME): ParsedDeckFile {
  const bom = text.startsWith(BOM);
  const lines = splitLines(bom ? text.slice(1) : text);
  const errors: DeckFileError[] = [];
  const report = (line: number, problem: Message): void => {
    errors.push({ file, line, ...problem });
  };

  const nulLine = lines.findIndex((line) => line.text.includes('\u0000'));
  if (nulLine >= 0) report(nulLine + 1, message('deck.binary'));

  const frontMatter = parseFrontMatter(lines);
  for (const { line, problem } of frontMatter.problems) report(line, problem);

  const { fences, comments, literal } = scanFences(lines, frontMatter.end, lines.length);
  for (const fence of fences) {
    if (fence.close === null) {
      report(fence.open + 1, message('deck.unterminatedFence', { fence: fence.char.repeat(fence.length) }));
    }
  }
  for (const comment of comments) {
    if (comment.close === null) report(comment.open + 1, message('deck.unterminatedComment'));
  }

  const headingIndexes: number[] = [];
  for (let index = frontMatter.end; index < lines.length; index++) {
    if (!literal[index] && HEADING.test(lines[index].text)) headingIndexes.push(index);
  }
  const preambleEnd = headingIndexes[0] ?? lines.length;
  const preambleLines = lines.slice(frontMatter.end, preambleEnd);

  // Fences come in file order, so one moving index hands each card its own (linear, not cards × fences).
  let nextFence = 0;
  const cards: DeckFileCard[] = headingIndexes.map((start, order) => {
    const end = headingIndexes[order + 1] ?? lines.length;
    while (nextFence < fences.length && fences[nextFence].open <= start) nextFence++;
    const first = nextFence;
    while (nextFence < fences.length && fences[nextFence].open < end) nextFence++;
    return parseCard(lines, start, end, fences.slice(first, nextFence), literal, report);
  });

  const firstLineById = new Map<string, number>();
  for (const card of cards) {
    if (card.id === null) continue;
    const earlier = firstLineById.get(card.id);
    if (earlier === undefined) firstLineById.set(card.id, card.line);
    else report(card.line, message('deck.duplicateCardId', { id: card.id, line: earlier }));
  }

  errors.sort((a, b) => a.line - b.line);
  return {
    file,
    deck: frontMatter.meta,
    cards,
    errors,
    bom,
    eol: firstLineEnding(lines),
    frontMatterRaw: joinRaw(lines.slice(0, frontMatter.end)),
    frontMatterExtra: frontMatter.extra,
    preambleRaw: joinRaw(preambleLines),
    preambleMd: toMarkdown(preambleLines.map((line) => line.text)),
  };
}

function firstLineEnding(lines: readonly SourceLine[]): LineEnding {
  const ending = lines.find((line) => line.eol !== '')?.eol;
  return ending === '\r\n' ? '\r\n' : '\n';
}

function parseCard(
  lines: readonly SourceLine[],
  start: number,
  end: number,
  cardFences: readonly Fence[],
  literal: readonly boolean[],
  report: (line: number, problem: Message) => void,
): DeckFileCard {
  const line = start + 1;
  const heading = parseHeadingText(lines[start].text.slice(2));
  for (const problem of heading.problems) report(line, problem);
  if (heading.question === '') report(line, message('deck.emptyQuestion'));

  let separator = -1;
  for (let index = start + 1; index < end; index++) {
    if (!literal[index] && isQuestionSeparator(lines[index].text)) {
      separator = index;
      break;
    }
  }
  const answerStart = separator >= 0 ? separator + 1 : start + 1;

  const coding = isCodingHeading(heading.attributes);
  const blocks = cardBlocks(cardFences, answerStart, coding, report);
  if (coding) {
    for (const role of CODING_BLOCKS) if (!blocks.has(role)) report(line, message('deck.codeBlockMissing', { block: role }));
  }
  // The card's own blocks leave the answer, each with one of the blank lines around it (no double gap).
  const removed = [...blocks.values()].map((fence) => ({ open: fence.open, end: fence.close ?? end - 1 }));
  const answerTexts: string[] = [];
  for (let index = answerStart; index < end; index++) {
    if (removed.some((block) => index >= block.open && index <= block.end)) continue;
    const afterBlock = removed.some((block) => index === block.end + 1);
    if (afterBlock && isBlank(lines[index].text) && isBlank(answerTexts.at(-1) ?? '')) continue;
    answerTexts.push(lines[index].text);
  }
  const proof = blocks.get('proof');
  const contentOf = (fence: Fence) => fenceContent(lines, fence, end).join('\n');
  const blockOf = (fence: Fence) => ({ code: contentOf(fence), lang: codeBlockOf(fence.info)!.lang });
  const starter = blocks.get('starter');
  const solution = blocks.get('solution');

  const questionBody = separator >= 0 ? toMarkdown(lines.slice(start + 1, separator).map((l) => l.text)) : '';
  const frontMd = questionBody === '' ? heading.question : `${heading.question}\n\n${questionBody}`;
  const cardLines = lines.slice(start, end);
  return {
    id: heading.id,
    line,
    frontMd,
    backMd: toMarkdown(answerTexts),
    proofCode: proof ? contentOf(proof) : null,
    proofLang: proof ? proofLangOf(proof.info) : null,
    code: coding && starter && solution ? { starter: blockOf(starter), solution: blockOf(solution) } : null,
    tags: heading.tags,
    raw: joinRaw(cardLines),
    lineCount: cardLines.length,
    attributes: heading.attributes,
    hasAttributeBlock: heading.hasAttributeBlock,
    hasIdToken: heading.hasIdToken,
  };
}

/** The blocks a coding card must carry besides its answer text. */
const CODING_BLOCKS: readonly CodeBlockRole[] = ['starter', 'solution', 'proof'];

/**
 * The card's own fenced blocks by role, the first of each: its proof, and on a coding card its starter and
 * solution (elsewhere `js starter` is answer text, as it always was). One above the `?` line or a second of a
 * role is reported.
 */
function cardBlocks(
  cardFences: readonly Fence[],
  answerStart: number,
  coding: boolean,
  report: (line: number, problem: Message) => void,
): Map<CodeBlockRole, Fence> {
  const byRole = new Map<CodeBlockRole, Fence[]>();
  for (const fence of cardFences) {
    const block = codeBlockOf(fence.info);
    if (block === null || (block.role !== 'proof' && !coding)) continue;
    if (fence.open < answerStart) {
      const problem = block.role === 'proof' ? message('deck.proofInQuestion') : message('deck.codeBlockInQuestion', { block: block.role });
      report(fence.open + 1, problem);
    } else {
      byRole.set(block.role, [...(byRole.get(block.role) ?? []), fence]);
    }
  }
  const first = new Map<CodeBlockRole, Fence>();
  for (const [role, fences] of byRole) {
    first.set(role, fences[0]);
    if (fences.length < 2) continue;
    const lines = fences.map((fence) => fence.open + 1).join(' and ');
    const problem = role === 'proof' ? message('deck.twoProofs', { lines }) : message('deck.twoCodeBlocks', { block: role, lines });
    report(fences[1].open + 1, problem);
  }
  return first;
}
