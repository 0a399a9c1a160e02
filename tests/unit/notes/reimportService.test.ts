// Re-import through the app with a real data dir and real SQLite (issue 14): cards answered after the first
// import keep their history when the notes on disk are renamed, edited and moved; the baselines survive a restart;
// the CLI reads the same baselines from the data dir's database.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { tempCollection, type TempCollection } from '../helpers/collection';
import { fixturePath } from './helpers';

let c: TempCollection;
afterEach(() => c?.dispose());

const NOTES = 'cnn-面经.md';

function setUp() {
  c = tempCollection();
  const notesDir = join(c.root, 'notes');
  mkdirSync(notesDir);
  const notesPath = join(notesDir, NOTES);
  copyFileSync(fixturePath(`reimport/${NOTES}`), notesPath);
  return { notesPath, edit: () => copyFileSync(fixturePath('reimport/cnn-面经.edited.md'), notesPath) };
}

async function importNotes(path: string) {
  const preview = await c.app.api.previewNotesImport({ fileName: NOTES, text: readFileSync(path, 'utf8') });
  await c.app.api.commitNotesImport({ previewId: preview.previewId });
  return preview;
}

/** Answers every card of the deck once (quality varying), so each has its own history. */
async function studyAll(deckId: string): Promise<void> {
  for (let n = 0; n < 50; n++) {
    const step = await c.app.api.nextCard({ deckId });
    if (!step.next) return;
    const { card } = step.next;
    await c.app.api.answerCard({ deckId, cardId: card.id, quality: n % 2 ? 5 : 4, version: card.state.version, durationMs: 2000 + n });
  }
}

async function historyOf(ids: string[]): Promise<Record<string, { reps: number; efMilli: number; dueDay: number | null }>> {
  return Object.fromEntries(await Promise.all(ids.map(async (id) => {
    const { card } = await c.app.api.getCard({ cardId: id });
    return [id, { reps: card.state.reps, efMilli: card.state.efMilli, dueDay: card.state.dueDay }];
  })));
}

describe('re-import in the app', () => {
  it('keeps every studied card and its history through renamed headings, an edited body and a moved section', async () => {
    const { notesPath, edit } = setUp();
    const first = await importNotes(notesPath);
    await studyAll(first.deckId);
    const ids = first.cards.map((card) => card.id);
    const before = await historyOf(ids);
    expect(Object.values(before).every((h) => h.reps === 1)).toBe(true);

    edit();
    const second = await c.app.api.previewNotesImport({ fileName: NOTES, text: readFileSync(notesPath, 'utf8') });
    expect(second.changes).toEqual({ renamed: 2, edited: 2, moved: 1, added: 0, keptUserText: 0 });
    expect(second.removedCards).toEqual([]);
    expect(second.conflicts).toEqual([]);
    await c.app.api.commitNotesImport({ previewId: second.previewId });

    expect(new Set(second.cards.map((card) => card.id))).toEqual(new Set(ids));
    expect(await historyOf(ids)).toEqual(before);
    const renamed = second.cards.find((card) => card.question === 'LeNet 网络结构');
    expect(renamed?.id).toBe(first.cards[0].id);
  });

  it('keeps the baselines across a restart: a deck edit stays and the next notes edit of that card is a conflict', async () => {
    const { notesPath } = setUp();
    const first = await importNotes(notesPath);
    const vgg = first.cards.find((card) => card.question.includes('3×3'))!;
    const deckPath = join(c.userDir, `${first.deckId}.md`);
    writeFileSync(deckPath, readFileSync(deckPath, 'utf8').replace('而且多了非线性。', '而且多了非线性（我的补充：每层后都有 ReLU）。'));
    c.reopen();

    const unchangedNotes = await c.app.api.previewNotesImport({ fileName: NOTES, text: readFileSync(notesPath, 'utf8') });
    expect(unchangedNotes).toMatchObject({ conflicts: [], changes: { keptUserText: 1 } });

    writeFileSync(notesPath, readFileSync(notesPath, 'utf8').replace('而且多了非线性。', '而且多了非线性，表达能力更强。'));
    const both = await c.app.api.previewNotesImport({ fileName: NOTES, text: readFileSync(notesPath, 'utf8') });
    expect(both.conflicts).toEqual([
      { cardId: vgg.id, mine: expect.objectContaining({ answer: expect.stringContaining('我的补充') }), theirs: expect.objectContaining({ answer: expect.stringContaining('表达能力更强') }) },
    ]);
    await c.app.api.commitNotesImport({ previewId: both.previewId, conflicts: [{ cardId: vgg.id, choice: 'mine' }] });
    const written = parseDeck(readFileSync(deckPath, 'utf8')).cards.find((card) => card.id === vgg.id)!;
    expect(written.backMd).toContain('我的补充');
  });

  it('refuses a commit that settles a card the preview did not list as a conflict', async () => {
    const { notesPath } = setUp();
    const preview = await c.app.api.previewNotesImport({ fileName: NOTES, text: readFileSync(notesPath, 'utf8') });
    await expect(c.app.api.commitNotesImport({ previewId: preview.previewId, conflicts: [{ cardId: preview.cards[0].id, choice: 'theirs' }] }))
      .rejects.toMatchObject({ problem: { code: 'notes.unknownConflict' } });
  });
});

describe('re-import from the command line', () => {
  const cli = (notes: string, dataDir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/import-notes.ts', notes, '--data-dir', dataDir], { encoding: 'utf8' });

  it("keeps the user's deck version of a card changed on both sides, lists the conflict, and uses the app's baselines", async () => {
    const { notesPath, edit } = setUp();
    const first = await importNotes(notesPath);
    const alexnet = first.cards[2]; // AlexNet's 模型介绍
    expect(alexnet.tags).toEqual(['AlexNet']);
    const deckPath = join(c.userDir, `${first.deckId}.md`);
    writeFileSync(deckPath, readFileSync(deckPath, 'utf8').replace('用两块 GTX 580 GPU 并行训练。', '用两块 GTX 580 GPU 并行训练（模型并行）。'));
    edit(); // the notes edit the same card's first line

    const run = cli(notesPath, c.dataDir); // the app still holds the database open (WAL)
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Existing cards: 2 renamed, 2 edited, 1 moved, 0 new, 0 kept as edited in the deck');
    expect(run.stdout).toMatch(new RegExp(`Conflicts \\(1\\)[^\\n]*\\n  ${alexnet.id} `));
    const written = parseDeck(readFileSync(deckPath, 'utf8')).cards.find((card) => card.id === alexnet.id)!;
    expect(written.backMd).toContain('（模型并行）');
    expect(written.backMd).not.toContain('低 10 个百分点');
  });
});
