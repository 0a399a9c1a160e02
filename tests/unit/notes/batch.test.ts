import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { notesBatchFiles, previewNotesBatch } from '../../../main/services/notesBatch';
import { createNotesImporter } from '../../../main/services/notesImport';

const FIXTURE = join(__dirname, '../../fixtures/notes/tree/面试笔记');

let root: string;
let notes: string;
let data: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'proofdeck-batch-'));
  notes = join(root, '面试笔记');
  data = join(root, 'data');
  cpSync(FIXTURE, notes, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const deckDir = () => join(data, 'decks');
const deckNames = () =>
  readdirSync(deckDir()).filter((f) => f.endsWith('.md')).map((f) => parseDeck(readFileSync(join(deckDir(), f), 'utf8')).deck!.name).sort();

describe('which files a batch takes and how their decks are named', () => {
  it('takes a folder\'s notes files, subfolders a level deeper, never hidden files or *.assets folders', () => {
    const { files, problems } = notesBatchFiles([notes]);
    expect(problems).toEqual([]);
    expect(files.map((f) => [f.path.slice(notes.length + 1), f.parentDeck])).toEqual([
      ['第二章.md', '面试笔记'],
      ['第十章.md', '面试笔记'],
      ['第四章.md', '面试笔记'],
      ['附录/数学基础.md', '面试笔记::附录'],
    ]);
  });

  it('names files given together by their folder, and one file alone by itself', () => {
    const two = notesBatchFiles([join(notes, '第十章.md'), join(notes, '附录', '数学基础.md')]);
    expect(two.files.map((f) => f.parentDeck)).toEqual(['面试笔记', '附录']);
    expect(notesBatchFiles([join(notes, '第十章.md')]).files[0].parentDeck).toBeUndefined();
  });

  it('reports a missing path and a folder without notes, and goes on with the rest', () => {
    const empty = join(root, 'empty');
    cpSync(join(notes, '第二章.assets'), join(empty, 'x.assets'), { recursive: true });
    const { files, problems } = notesBatchFiles([join(root, 'nope'), empty, join(notes, '第四章.md')]);
    expect(problems.map((p) => p.problem.code)).toEqual(['notes.cannotRead', 'notes.noNotesFiles']);
    expect(files.map((f) => f.parentDeck)).toEqual(['面试笔记']);
  });

  it('refuses the second of two files that would make the same deck', () => {
    writeFileSync(join(notes, '第二章-副本.md'), readFileSync(join(notes, '第二章.md')));
    const importer = createNotesImporter({ userDeckDir: deckDir(), existingDecks: () => [], maxPending: 100 });
    const items = previewNotesBatch(importer, [notes]);
    const twice = items.filter((item) => item.problem?.code === 'notes.batchDeckTwice');
    expect(twice.map((item) => item.path)).toEqual([join(notes, '第二章.md')]);
    expect(twice[0].problem!.params).toMatchObject({ other: join(notes, '第二章-副本.md') });
    expect(items.filter((item) => item.preview)).toHaveLength(4);
  });

  it('refuses a file whose card ids repeat an earlier file\'s (a long folder name fills the card id prefix)', () => {
    const long = join(root, 'machine-learning-interview-notes');
    cpSync(notes, long, { recursive: true });
    writeFileSync(join(long, 'a.md'), '# Chapter 2 Linear Models\n\n## Summary\n\nLeast squares.\n');
    writeFileSync(join(long, 'b.md'), '# Chapter 3 Trees\n\n## Summary\n\nSplits.\n');
    const importer = createNotesImporter({ userDeckDir: deckDir(), existingDecks: () => [], maxPending: 100 });
    const items = previewNotesBatch(importer, [join(long, 'a.md'), join(long, 'b.md')]);
    expect(items[0].preview?.cards.map((card) => card.id)).toContain('machine-learning-intervi-summary');
    expect(items[1].problem).toMatchObject({ code: 'notes.batchCardIdTwice', params: { cardId: 'machine-learning-intervi-summary', other: join(long, 'a.md') } });
  });
});

describe('skipped sections in a batch preview', () => {
  it('lists them per file with their reason, and includes those the user ticked for that file only', () => {
    const messy = join(root, 'messy');
    cpSync(join(__dirname, '../../fixtures/notes/messy'), messy, { recursive: true });
    const importer = createNotesImporter({ userDeckDir: deckDir(), existingDecks: () => [], maxPending: 100 });
    const [ch10, ch3] = previewNotesBatch(importer, [messy]).map((item) => item.preview!);
    const references = ch3.skippedHeadings.find((skipped) => skipped.heading === '参考文献')!;
    expect(references).toMatchObject({ reason: { code: 'notes.skipReferences' }, includable: true });
    expect(ch10.skippedHeadings.map((skipped) => skipped.heading)).toContain('References');

    const again = previewNotesBatch(importer, [messy], [{ path: join(messy, 'ch3-经典网络.md'), lines: [references.line] }]);
    const [ch10Again, ch3Again] = again.map((item) => item.preview!);
    expect(ch3Again.cards.map((card) => card.question)).toContain('参考文献');
    expect(ch3Again.skippedHeadings.map((skipped) => skipped.heading)).not.toContain('参考文献');
    expect(ch10Again.skippedHeadings).toEqual(ch10.skippedHeadings);
  });
});

describe('npm run import:notes with several files or a folder', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-notes.ts', ...args], { encoding: 'utf8', env: { ...process.env, PROOFDECK_DATA_DIR: '', XDG_CONFIG_HOME: join(root, 'xdg-config') } });

  it('imports every notes file of a folder as <folder>::<chapter>, and a re-import updates the same decks', () => {
    const run = cli(notes, '--data-dir', data);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Deck:   面试笔记::第二章 模型评估 (id 面试笔记-第二章-模型评估)');
    expect(run.stdout).toContain('Total: 4 of 4 notes files imported (8 cards)');
    expect(deckNames()).toEqual(['面试笔记::第二章 模型评估', '面试笔记::第十章 循环神经网络', '面试笔记::第四章 降维', '面试笔记::附录::附录A 数学基础'].sort());
    const files = readdirSync(deckDir()).sort();
    const again = cli(notes, '--data-dir', data);
    expect(again.status).toBe(0);
    expect(again.stdout.match(/updates the existing deck/g)).toHaveLength(4);
    expect(readdirSync(deckDir()).sort()).toEqual(files);
  });

  it('imports files given one by one under their folder\'s name', () => {
    const run = cli(join(notes, '第十章.md'), join(notes, '第二章.md'), '--data-dir', data);
    expect(run.status).toBe(0);
    expect(deckNames()).toEqual(['面试笔记::第二章 模型评估', '面试笔记::第十章 循环神经网络'].sort());
  });

  it('exits 1 naming each failed file, after importing the others', () => {
    writeFileSync(join(notes, '空.md'), '');
    const run = cli(notes, '--data-dir', data);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`import:notes: ${join(notes, '空.md')}: The notes file is empty`);
    expect(run.stdout).toContain(`Total: 4 of 5 notes files imported (8 cards); 1 failed: ${join(notes, '空.md')}`);
    expect(deckNames()).toHaveLength(4);
  });

  it('refuses --out with several files or a folder as a usage error', () => {
    const run = cli(notes, '--out', join(root, 'x.md'), '--data-dir', data);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--out names one deck file');
    expect(cli(join(notes, '第二章.md'), join(notes, '第四章.md'), '--out=x.md').status).toBe(2);
  });
});
