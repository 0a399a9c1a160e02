// Imports the seed notes the built-in deck came from (../shared/notes, when that folder exists).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertOk } from './helpers';

const notesDir = resolve(__dirname, '../../../../shared/notes');
const seedFile = existsSync(notesDir) ? readdirSync(notesDir).find((name) => /^000_.*\.txt$/.test(name)) : undefined;
if (!seedFile) console.log(`Skipping the seed-notes import test: ${notesDir} is not there (it exists in CI).`);

/** Headings and whether they have content before the next heading, read independently of the importer. */
function headingsOf(text: string): { line: number; text: string; hasContent: boolean }[] {
  const headings: { line: number; text: string; hasContent: boolean }[] = [];
  let inFence = false;
  text.split('\n').forEach((line, index) => {
    if (/^```/.test(line)) inFence = !inFence;
    const heading = !inFence && /^(#{1,6}) (.*)$/.exec(line);
    if (heading) headings.push({ line: index + 1, text: heading[2].trim(), hasContent: false });
    else if (line.trim() !== '' && headings.length) headings[headings.length - 1].hasContent = true;
  });
  return headings;
}

describe.skipIf(!seedFile)('seed notes import', () => {
  const text = seedFile ? readFileSync(join(notesDir, seedFile), 'utf8') : '';
  const { parsed, summary } = seedFile ? convertOk(text, { fileName: seedFile }) : ({} as ReturnType<typeof convertOk>);
  const headings = headingsOf(text);

  it('makes a card of every heading with content, in order, numbering removed', () => {
    const expected = headings.filter((h) => h.hasContent).map((h) => h.text.replace(/^\d+(\.\d+)*\s*/, ''));
    expect(expected.length).toBeGreaterThan(30);
    expect(parsed.cards.map((card) => card.frontMd)).toEqual(expected);
    expect(parsed.cards.find((card) => card.frontMd === '为什么线性变换、除以根号dk？')).toBeDefined();
  });

  it('names the deck after the file (it has four chapters) and tags cards with their chapters', () => {
    expect(parsed.deck?.name).toBe(seedFile!.replace(/\.txt$/, ''));
    const chapters = new Set(parsed.cards.map((card) => card.tags[0]));
    expect([...chapters]).toEqual(['transformer相关', 'optimizer相关', '损失函数相关', '词向量相关-放弃了-看PDF吧']);
    const adam = parsed.cards.find((card) => card.frontMd === 'Adam Adaptive Moment Estimation')!;
    expect(adam.tags).toEqual(['optimizer相关', '优化器总结']);
  });

  it('reports and skips the empty "4.1.2 Negative Sampling" section', () => {
    expect(summary.skippedHeadings).toEqual([
      {
        line: headings.find((h) => h.text.startsWith('4.1.2'))!.line,
        heading: '4.1.2 Negative Sampling 负采样',
        reason: { code: 'notes.skipNoContent', params: {} },
      },
    ]);
    expect(parsed.cards.some((card) => card.frontMd.includes('Negative Sampling'))).toBe(false);
  });

  it('lists every image as missing by its original path, and keeps no Typora attributes', () => {
    const paths = [...text.matchAll(/<img src="([^"]+)"|!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1] ?? m[2]);
    expect(paths.length).toBeGreaterThan(15);
    expect(summary.missingImages).toEqual([...new Set(paths)]);
    const deckText = parsed.cards.map((card) => card.backMd).join('\n');
    expect(deckText).not.toMatch(/zoom|<img/);
    expect(deckText.match(/\*\*\[missing image: /g)).toHaveLength(paths.length);
  });
});
