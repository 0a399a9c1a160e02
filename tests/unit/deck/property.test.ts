// Generated decks (seeded PRNG): every layout round-trips exactly and reads back as generated;
// every generated card survives formatCard → parse, and updateCard touches only its own card.
import { describe, expect, it } from 'vitest';
import { appendCard, type CardFields, parseDeck, serializeDeck, updateCard } from '../../../main/core/deck';

/** mulberry32: small, seedable, good enough to spread test cases. */
function makeRandom(seed: number): { int: (n: number) => number; pick: <T>(items: readonly T[]) => T; chance: (p: number) => boolean } {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}
type Random = ReturnType<typeof makeRandom>;

const WORDS = ['Adam', '动量', 'β₁', '$x^2$', '$$\\{a\\}$$', 'C#', 'loss?', 'ε=1e-8', '`code`', '**bold**', 'naïve', 'Ελλάδα', '{braces}', '->'];
const sentence = (random: Random): string => Array.from({ length: 1 + random.int(5) }, () => random.pick(WORDS)).join(' ');

/** A fenced block; `body` is extended by a shorter inner fence sometimes, so read the content back from [1, -1). */
function codeBlock(random: Random, info: string, body: string[]): string[] {
  const char = random.pick(['`', '~']);
  const fence = char.repeat(3 + random.int(3));
  // Content may hold a shorter fence of the same char (or any of the other): it must not close the block.
  const inner = random.chance(0.3) ? [char.repeat(3) + 'md', '## inner', char.repeat(3)] : [];
  const lines = [...body, ...(fence.length > 3 ? inner : [])];
  return [fence + info, ...lines, fence];
}

interface GeneratedCard {
  lines: string[];
  expected: CardFields & { id: string | null };
}

function generateCard(random: Random, index: number): GeneratedCard {
  const question = sentence(random).replace(/\{braces\}$/, 'end');
  const id = random.chance(0.8) ? `${random.pick(['c', 'o-动量', 'ε.x', 'q_'])}${index}` : null;
  const tags = Array.from({ length: random.int(3) }, () => random.pick(['adam', 'loss', '优化', 'bias-correction']));
  const attributes = [id === null ? '' : `#${id}`, tags.length > 0 ? `tags="${tags.join(' ')}"` : '', random.chance(0.3) ? 'level=2' : '']
    .filter(Boolean)
    .join(' ');
  const heading = attributes === '' ? `## ${question}` : `## ${question}${' '.repeat(1 + random.int(2))}{${attributes}}`;

  const lines = [heading];
  let frontMd = question;
  if (random.chance(0.3)) {
    const body = random.chance(0.5) ? codeBlock(random, 'py', ['## not a card', '?', sentence(random)]) : [`$$${sentence(random)}$$`];
    lines.push('', ...body, '', '?');
    frontMd = `${question}\n\n${body.join('\n')}`;
  }
  const paragraphs: string[][] = Array.from({ length: random.int(3) }, () =>
    random.chance(0.3) ? codeBlock(random, random.pick(['', 'js', 'python']), ['## code', '?', sentence(random)]) : [sentence(random)],
  );
  let proofBlock: string[] = [];
  let proofLang: 'js' | 'ts' | null = null;
  let proofAt = -1;
  if (random.chance(0.6)) {
    proofLang = random.pick(['js', 'ts'] as const);
    const code = [`check.true('${index}', true);`, ...(random.chance(0.3) ? ['// ## not a heading', '?'] : [])];
    proofBlock = codeBlock(random, `${proofLang} proof`, code);
    proofAt = random.int(paragraphs.length + 1);
  }
  const proofCode = proofLang === null ? null : proofBlock.slice(1, -1).join('\n');
  const backBlocks: string[][] = [];
  paragraphs.forEach((paragraph, at) => {
    if (at === proofAt) lines.push('', ...proofBlock);
    lines.push('', ...paragraph);
    backBlocks.push(paragraph);
  });
  if (proofAt === paragraphs.length) lines.push('', ...proofBlock);
  lines.push(...Array.from({ length: random.int(3) }, () => ''));
  return {
    lines,
    expected: { id, frontMd, backMd: backBlocks.map((block) => block.join('\n')).join('\n\n'), proofCode, proofLang, tags },
  };
}

function generateDeck(seed: number): { text: string; cards: GeneratedCard[] } {
  const random = makeRandom(seed);
  const cards = Array.from({ length: random.int(6) }, (_, index) => generateCard(random, index));
  const front = ['---', 'id: gen', `deck: Generated ${seed}`, 'version: 1', ...(random.chance(0.5) ? ['x-extra: {a: [1, 2]}'] : []), '---'];
  const preamble = random.chance(0.5) ? ['', `Intro: ${sentence(random)}`, ...codeBlock(random, 'md', ['## preamble code']), ''] : [];
  const eol = random.chance(0.5) ? '\r\n' : '\n';
  let text = [...front, ...preamble, ...cards.flatMap((card) => card.lines)].join(eol);
  if (random.chance(0.7)) text += eol;
  if (random.chance(0.3)) text = `\uFEFF${text}`;
  return { text, cards };
}

const fieldsOf = ({ frontMd, backMd, proofCode, proofLang, tags }: CardFields): CardFields => ({ frontMd, backMd, proofCode, proofLang, tags });

describe('generated decks', () => {
  it('round-trip exactly and read back as generated (300 seeds)', () => {
    let cardsSeen = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const { text, cards } = generateDeck(seed);
      const parsed = parseDeck(text, `gen-${seed}.md`);
      expect(parsed.errors, `seed ${seed}`).toEqual([]);
      expect(serializeDeck(parsed), `seed ${seed}`).toBe(text);
      expect(parsed.cards.map((card) => ({ id: card.id, ...fieldsOf(card) })), `seed ${seed}`).toEqual(cards.map((card) => card.expected));
      cardsSeen += cards.length;
    }
    expect(cardsSeen).toBeGreaterThan(500);
  });

  it('survive formatCard: appending each card to an empty deck reads back the same fields', () => {
    const empty = parseDeck('---\nid: gen\ndeck: G\nversion: 1\n---\n');
    for (let seed = 1; seed <= 100; seed++) {
      for (const card of generateDeck(seed).cards) {
        const result = appendCard(empty, card.expected);
        if (!result.ok) throw new Error(`seed ${seed}: ${result.error}`);
        expect({ id: result.parsed.cards[0].id, ...fieldsOf(result.parsed.cards[0]) }).toEqual(card.expected);
      }
    }
  });

  it('updateCard rewrites only the chosen card (others keep their exact text)', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { text, cards } = generateDeck(seed);
      if (cards.length < 2) continue;
      const parsed = parseDeck(text);
      const target = seed % cards.length;
      const replacement = cards[(target + 1) % cards.length].expected;
      const result = updateCard(parsed, target, fieldsOf(replacement));
      if (!result.ok) throw new Error(`seed ${seed}: ${result.error}`);
      expect(fieldsOf(result.parsed.cards[target])).toEqual(fieldsOf(replacement));
      expect(result.parsed.cards[target].id).toBe(parsed.cards[target].id);
      result.parsed.cards.forEach((card, index) => {
        if (index !== target) expect(card.raw).toBe(parsed.cards[index].raw);
      });
      expect(result.parsed.frontMatterRaw + result.parsed.preambleRaw).toBe(parsed.frontMatterRaw + parsed.preambleRaw);
    }
  });
});
