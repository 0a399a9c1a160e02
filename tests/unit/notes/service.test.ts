// The notes import service and CLI on real files in a temp folder.
import { formatMessage } from '../../../main/contract/messages';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { AppError } from '../../../main/contract/errors';
import { createNotesImporter, readNotesFile, resolveNotesImage, type ExistingDeck } from '../../../main/services/notesImport';
import { fixturePath } from './helpers';

let root: string;
let deckDir: string;
let notesDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'proofdeck-notes-'));
  deckDir = join(root, 'data', 'decks');
  notesDir = join(root, 'notes');
  mkdirSync(join(notesDir, 'photos'), { recursive: true });
  copyFileSync(fixturePath('interview-notes.md'), join(notesDir, 'interview-notes.md'));
  copyFileSync(fixturePath('photos/heads.png'), join(notesDir, 'photos', 'heads.png'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const importer = (existing: ExistingDeck[] = []) =>
  createNotesImporter({ userDeckDir: deckDir, existingDecks: () => existing });

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('preview and commit', () => {
  it('writes the previewed deck into the user deck folder and copies found images next to it', () => {
    const notes = importer();
    const preview = notes.preview(readNotesFile(join(notesDir, 'interview-notes.md')));
    expect(preview).toMatchObject({
      deckId: 'interview-notes',
      cardCount: 7,
      targetPath: join(deckDir, 'interview-notes.md'),
      updatesExisting: false,
      copiedImages: 1,
    });
    expect(preview.missingImages).toHaveLength(2);
    expect(readdirSync(root)).not.toContain('data'); // nothing is written by a preview

    expect(notes.commit(preview.previewId)).toEqual({ deckId: 'interview-notes', path: preview.targetPath });
    const parsed = parseDeck(readFileSync(preview.targetPath, 'utf8'), preview.targetPath);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cards.map((card) => card.id)).toEqual(preview.cards.map((card) => card.id));
    expect(readFileSync(join(deckDir, 'interview-notes.assets', 'heads.png'))).toEqual(readFileSync(join(notesDir, 'photos', 'heads.png')));
    expect(readdirSync(deckDir).sort()).toEqual(['interview-notes.assets', 'interview-notes.md']); // no temp files left
    expect(refusal(() => notes.commit(preview.previewId)).kind).toBe('not-found');
  });

  it('updates the same deck on re-import, keeping ids and a proof the user added', () => {
    const notes = importer();
    const first = notes.preview(readNotesFile(join(notesDir, 'interview-notes.md')));
    const { path } = notes.commit(first.previewId);
    const withProof = readFileSync(path, 'utf8').replace(
      /(## 参数量表格 .*\n)/,
      "$1\n```js proof\ncheck.true('sum', 23835648 + 56623104 === 80458752);\n```\n",
    );
    writeFileSync(path, withProof);
    writeFileSync(join(notesDir, 'interview-notes.md'), readFileSync(join(notesDir, 'interview-notes.md'), 'utf8') + '\n### 2.1.2 新问题\n\n新答案\n');

    const second = notes.preview(readNotesFile(join(notesDir, 'interview-notes.md')));
    expect(second).toMatchObject({ updatesExisting: true, targetPath: path, cardCount: 8, proofsKept: ['interview-notes-参数量表格'] });
    notes.commit(second.previewId);
    const parsed = parseDeck(readFileSync(path, 'utf8'), path);
    expect(parsed.errors).toEqual([]);
    expect(parsed.cards.slice(0, 7).map((card) => card.id)).toEqual(first.cards.map((card) => card.id));
    expect(parsed.cards.find((card) => card.frontMd === '参数量表格')?.proofCode).toContain("check.true('sum'");
  });

  it('updates a deck with the same id that lives under another file name in the user folder', () => {
    mkdirSync(deckDir, { recursive: true });
    const elsewhere = join(deckDir, 'renamed.md');
    writeFileSync(elsewhere, '---\nid: interview-notes\ndeck: Old\nversion: 1\n---\n\n## Old {#interview-notes-old}\n\nold\n');
    const preview = importer([{ id: 'interview-notes', path: elsewhere }]).preview(readNotesFile(join(notesDir, 'interview-notes.md')));
    expect(preview).toMatchObject({ targetPath: elsewhere, updatesExisting: true, removedCardIds: ['interview-notes-old'] });
  });

  it('gives notes named like a built-in deck their own id instead of replacing the built-in deck', () => {
    const builtIn = join(root, 'repo', 'decks', 'interview-notes.md');
    const preview = importer([{ id: 'interview-notes', path: builtIn }]).preview(readNotesFile(join(notesDir, 'interview-notes.md')));
    expect(preview).toMatchObject({ deckId: 'interview-notes-notes', targetPath: join(deckDir, 'interview-notes-notes.md'), updatesExisting: false });
    const flagged = importer([{ id: 'interview-notes', path: join(deckDir, 'x.md'), builtIn: true }]);
    expect(flagged.preview(readNotesFile(join(notesDir, 'interview-notes.md'))).deckId).toBe('interview-notes-notes');
  });

  it('refuses to overwrite a file that holds another deck or is not a deck, and leaves it untouched', () => {
    mkdirSync(deckDir, { recursive: true });
    const other = '---\nid: someone-else\ndeck: Else\nversion: 1\n---\n\n## Q {#q}\n\nA\n';
    writeFileSync(join(deckDir, 'interview-notes.md'), other);
    const conflict = refusal(() => importer().preview(readNotesFile(join(notesDir, 'interview-notes.md'))));
    expect(conflict.kind).toBe('conflict');
    expect(conflict.message).toContain('it holds another deck (id "someone-else")');
    expect(readFileSync(join(deckDir, 'interview-notes.md'), 'utf8')).toBe(other);

    const readme = join(root, 'README.md');
    writeFileSync(readme, 'not a deck\n');
    const notDeck = refusal(() => importer().preview({ ...readNotesFile(join(notesDir, 'interview-notes.md')), outPath: readme }));
    expect(notDeck.message).toMatch(/it is not a ProofDeck deck file.*Choose another --out file/);
    expect(readFileSync(readme, 'utf8')).toBe('not a deck\n');
  });

  it('refuses at commit when the target changed into another deck after the preview', () => {
    const notes = importer();
    const preview = notes.preview(readNotesFile(join(notesDir, 'interview-notes.md')));
    mkdirSync(deckDir, { recursive: true });
    writeFileSync(preview.targetPath, '---\nid: intruder\ndeck: X\nversion: 1\n---\n');
    expect(refusal(() => notes.commit(preview.previewId)).kind).toBe('conflict');
    expect(readFileSync(preview.targetPath, 'utf8')).toContain('intruder');
  });

  it('reports bad input as a refusal and writes nothing', () => {
    writeFileSync(join(notesDir, 'empty.md'), '');
    expect(refusal(() => importer().preview(readNotesFile(join(notesDir, 'empty.md')))).message).toContain('empty');
    writeFileSync(join(notesDir, 'huge.md'), Buffer.alloc(20 * 1024 * 1024, 0x61));
    expect(refusal(() => readNotesFile(join(notesDir, 'huge.md'))).message).toContain('20.0 MB');
    expect(refusal(() => readNotesFile(join(notesDir, 'absent.md'))).kind).toBe('not-found');
    expect(readdirSync(root)).not.toContain('data');
  });

  it('converts GBK notes and says so in the preview', () => {
    const gbk = Buffer.from([0x23, 0x20, 0xce, 0xca, 0xcc, 0xe2, 0x0a, 0x0a, 0xb4, 0xf0, 0xb0, 0xb8, 0x0a]);
    const preview = importer().preview({ fileName: 'gbk.md', bytes: gbk });
    expect(preview.cards).toEqual([{ id: '问题-问题', question: '问题', tags: [] }]);
    expect(formatMessage(preview.warnings[0])).toContain('GBK');
  });
});

describe('resolveNotesImage', () => {
  it('finds relative, %20-encoded and backslashed paths; never Windows drive paths elsewhere or non-images', () => {
    writeFileSync(join(notesDir, 'photos', 'a b.png'), 'x');
    writeFileSync(join(notesDir, 'secret.txt'), 'x');
    expect(resolveNotesImage('photos/heads.png', notesDir)).toBe(join(notesDir, 'photos', 'heads.png'));
    expect(resolveNotesImage('photos/a%20b.png', notesDir)).toBe(join(notesDir, 'photos', 'a b.png'));
    expect(resolveNotesImage('photos\\heads.png', notesDir, 'linux')).toBe(join(notesDir, 'photos', 'heads.png'));
    expect(resolveNotesImage('E:\\code\\note\\image.png', notesDir, 'linux')).toBeNull();
    expect(resolveNotesImage('secret.txt', notesDir)).toBeNull();
    expect(resolveNotesImage('photos/missing.png', notesDir)).toBeNull();
  });
});

describe('npm run import:notes', () => {
  // PROOFDECK_DATA_DIR is cleared so --data-dir is what counts; every run that reaches the database passes one, so
  // no test ever opens the real default data folder of whoever runs the tests.
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-notes.ts', ...args], { encoding: 'utf8', env: { ...process.env, PROOFDECK_DATA_DIR: '', XDG_CONFIG_HOME: join(root, 'xdg-config') } });

  it('writes the deck, prints the summary and exits 0 with missing images and skipped headings', () => {
    const run = cli(join(notesDir, 'interview-notes.md'), '--data-dir', join(root, 'data'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Cards (7):');
    expect(run.stdout).toContain('Skipped headings (1):\n  line 27: 1.2.3 Negative Sampling 负采样 (no content and no sub-headings)');
    expect(run.stdout).toContain('Missing images (2):');
    expect(run.stdout).toContain(`Wrote ${join(deckDir, 'interview-notes.md')}`);
    const out = join(root, 'out', 'deck.md');
    mkdirSync(join(root, 'out'));
    expect(cli(join(notesDir, 'interview-notes.md'), `--out=${out}`, '--data-dir', join(root, 'data')).status).toBe(0);
    expect(readdirSync(join(root, 'out')).sort()).toEqual(['deck.md', 'interview-notes.assets']);
  });

  it('keeps clear of the built-in decks shipped in decks/', () => {
    copyFileSync(fixturePath('interview-notes.md'), join(notesDir, 'transformer.md'));
    const run = cli(join(notesDir, 'transformer.md'), '--data-dir', join(root, 'data'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Deck:   transformer (id transformer-notes)');
    expect(readdirSync(deckDir)).toContain('transformer-notes.md');
  });

  it('imports skipped sections given with --include, by the heading lines its summary lists', () => {
    copyFileSync(fixturePath('messy/ch3-经典网络.md'), join(notesDir, 'ch3.md'));
    const plain = cli(join(notesDir, 'ch3.md'), '--out', join(root, 'plain.md'), '--data-dir', join(root, 'data'));
    expect(plain.stdout).toContain('  line 108: 参考文献 (a reference list');
    const run = cli(join(notesDir, 'ch3.md'), '--include', '108', '--include=74', '--out', join(root, 'included.md'), '--data-dir', join(root, 'data'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('line 108: 参考文献');
    const deck = readFileSync(join(root, 'included.md'), 'utf8');
    expect(deck).toMatch(/^## 参考文献 \{#/m);
    expect(deck).toMatch(/^## GoogLeNet \{#/m);
  });

  it('refuses --include with several files or a folder, and a value that is not line numbers (exit 2)', () => {
    const folder = cli(notesDir, '--include', '3');
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('--include names heading lines of one notes file');
    expect(cli(join(notesDir, 'interview-notes.md'), join(notesDir, 'interview-notes.md'), '--include=3').status).toBe(2);
    expect(cli(join(notesDir, 'interview-notes.md'), '--include', 'refs').stderr).toContain('--include needs heading lines');
    expect(cli(join(notesDir, 'interview-notes.md'), '--include').status).toBe(2);
  });

  it('exits 2 on usage errors and 1 on a refused import', () => {
    expect(cli().status).toBe(2);
    expect(cli('a.md', '--bogus').stderr).toContain('unknown option --bogus');
    const refused = cli(join(notesDir, 'nope.md'), '--data-dir', join(root, 'data'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^import:notes: Cannot read .*nope\.md: ENOENT/);
  });
});


describe('a deck imported before deck names lost their HTML entities', () => {
  it('is found and updated in place by a re-import, every card id kept', () => {
    const legacyText = readFileSync(fixturePath('legacy-decks/ch10-optimization.deck.md'), 'utf8');
    mkdirSync(deckDir, { recursive: true });
    const legacyPath = join(deckDir, 'chapter-10-nbsp-optimization.md');
    writeFileSync(legacyPath, legacyText);
    copyFileSync(fixturePath('messy/ch10-optimization.md'), join(notesDir, 'ch10-optimization.md'));
    const notes = importer([{ id: 'chapter-10-nbsp-optimization', path: legacyPath }]);
    const preview = notes.preview(readNotesFile(join(notesDir, 'ch10-optimization.md')));
    expect(preview).toMatchObject({ deckId: 'chapter-10-nbsp-optimization', deckName: 'Chapter 10 Optimization', targetPath: legacyPath, updatesExisting: true });
    expect(preview.cards.map((card) => card.id)).toEqual(parseDeck(legacyText).cards.map((card) => card.id));
  });
});
