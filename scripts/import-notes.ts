// npm run import:notes -- <notes.md> [--out <deck.md>] [--include <line>[,<line>…]] [--data-dir X]
// npm run import:notes -- <notes.md | notes folder>... [--data-dir X]
// Turns a Markdown/Typora notes file into a deck in one step, without prompting: writes the deck (to --out,
// else `<data dir>/decks/<deck id>.md`, updating the deck with that id and never overwriting another file),
// prints the summary and exits 0. Skipped headings and missing images are reported, not errors. A re-import
// compares with what the last import wrote (kept in the data dir's database): a card edited in the deck and in the
// notes keeps the user's version and is listed as a conflict; ambiguous matches become new cards and are listed.
// Several files or a folder make one deck per file, named `<folder>::<chapter>` (main/services/notesBatch.ts): a
// summary per file, a total line, exit 0 when every file was imported, else 1 with each failed file's reason.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDataDirArgs, userDeckDir } from '../main/config/dataDir';
import { AppError } from '../main/contract/errors';
import { formatMessage, message } from '../main/contract/messages';
import { parseDeck } from '../main/core/deck';
import { listDeckFiles } from '../main/services/deckFiles';
import { openCliCollection } from '../main/services/notesBaselines';
import {
  createNotesImporter,
  readNotesFile,
  type ExistingDeck,
  type NotesImportPreviewDetails,
} from '../main/services/notesImport';
import { MAX_BATCH_FILES, previewNotesBatch } from '../main/services/notesBatch';

const USAGE =
  'usage: npm run import:notes -- <notes.md> [--out <deck.md>] [--include <line>[,<line>…]] [--data-dir <folder>]\n' +
  '       npm run import:notes -- <notes.md | notes folder>... [--data-dir <folder>]';

interface CliArgs {
  notesPaths: string[];
  outPath: string | undefined;
  /** Heading lines of skipped sections (references, TODO…) to import anyway, as the preview's Include does. */
  includeSections: number[] | undefined;
  dataDir: string;
}

/** `--include 108,74`: the heading lines the summary lists under "Skipped headings". */
function includeLines(value: string | undefined): number[] {
  const parts = (value ?? '').split(',').map((part) => part.trim());
  if (!value || parts.some((part) => !/^[1-9]\d{0,8}$/.test(part))) throw new Error('--include needs heading lines: --include <line>[,<line>…]');
  return parts.map(Number);
}

function parseArgs(argv: string[]): CliArgs | { help: true } {
  const { dataDir, rest } = parseDataDirArgs(argv);
  let outPath: string | undefined;
  let includeSections: number[] | undefined;
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--include' || arg.startsWith('--include=')) {
      const value = arg === '--include' ? rest[++i] : arg.slice('--include='.length);
      includeSections = [...(includeSections ?? []), ...includeLines(value)];
    } else if (arg === '--out') {
      outPath = rest[++i];
      if (!outPath || outPath.startsWith('--')) throw new Error('--out needs a file: --out <deck.md>');
    } else if (arg.startsWith('--out=')) {
      outPath = arg.slice('--out='.length);
      if (!outPath) throw new Error('--out needs a file: --out=<deck.md>');
    } else if (arg.startsWith('-')) {
      throw new Error(`unknown option ${arg}`);
    } else positional.push(arg);
  }
  if (positional.length === 0) throw new Error('give the notes file (or files, or a folder of notes) to import');
  if (outPath !== undefined && (positional.length > 1 || isFolder(positional[0]))) throw new Error(formatMessage(message('notes.outWithSeveral')));
  // Lines name headings of one file: with several files a line would mean a different heading in each.
  if (includeSections !== undefined && (positional.length > 1 || isFolder(positional[0]))) throw new Error(formatMessage(message('notes.includeWithSeveral')));
  return { notesPaths: positional, outPath, includeSections, dataDir };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The built-in decks shipped in the repository; notes never take their ids. */
const BUILT_IN_DECK_DIR = fileURLToPath(new URL('../decks', import.meta.url));

/** Deck ids of the files in a folder, so a re-import updates its own file and built-in ids stay free. */
function decksIn(folder: string, builtIn: boolean): ExistingDeck[] {
  if (!existsSync(folder)) return [];
  return listDeckFiles({ path: folder, builtIn }, []).flatMap(({ path }) => {
    try {
      const deck = parseDeck(readFileSync(path, 'utf8'), path).deck;
      return deck ? [{ id: deck.id, path, builtIn }] : [];
    } catch {
      return [];
    }
  });
}

export function formatSummary(preview: NotesImportPreviewDetails, notesPath: string): string {
  const lines = [
    `Notes:  ${notesPath}`,
    `Deck:   ${preview.deckName} (id ${preview.deckId})`,
    `File:   ${preview.targetPath} (${preview.updatesExisting ? 'updates the existing deck' : 'new deck'})`,
    `Cards (${preview.cardCount}):`,
    ...preview.cards.map((card) => `  ${card.id}  ${card.question}${card.tags.length ? `  [${card.tags.join(' ')}]` : ''}`),
  ];
  lines.push(`Skipped headings (${preview.skippedHeadings.length}):`);
  lines.push(...preview.skippedHeadings.map((s) => `  line ${s.line}: ${s.heading} (${formatMessage(s.reason)})`));
  lines.push(`Missing images (${preview.missingImages.length}):`);
  lines.push(...preview.missingImages.map((image) => `  ${image}`));
  if (preview.copiedImages) lines.push(`Images copied next to the deck: ${preview.copiedImages}`);
  if (preview.proofsKept.length) lines.push(`Proofs kept from the existing deck: ${preview.proofsKept.join(', ')}`);
  lines.push(...reimportLines(preview));
  if (preview.warnings.length) lines.push('Warnings:', ...preview.warnings.map((warning) => `  ${formatMessage(warning)}`));
  return lines.join('\n');
}

const firstLine = (text: string) => text.split('\n')[0];

/** What a re-import did to the existing cards: counts, conflicts (the user's version kept), ambiguous matches, removals. */
function reimportLines(preview: NotesImportPreviewDetails): string[] {
  const lines: string[] = [];
  const changes = preview.changes;
  if (preview.updatesExisting && changes) {
    lines.push(`Existing cards: ${changes.renamed} renamed, ${changes.edited} edited, ${changes.moved} moved, ${changes.added} new,`
      + ` ${changes.keptUserText} kept as edited in the deck`);
  }
  const conflicts = preview.conflicts ?? [];
  if (conflicts.length) {
    lines.push(`Conflicts (${conflicts.length}), changed in the deck and in the notes — your deck version is kept:`);
    lines.push(...conflicts.map((c) => `  ${c.cardId}  ${firstLine(c.mine.question)}  (notes: ${firstLine(c.theirs.question)})`));
  }
  const ambiguous = preview.ambiguous ?? [];
  if (ambiguous.length) {
    lines.push(`Ambiguous matches (${ambiguous.length}), imported as new cards:`);
    lines.push(...ambiguous.map((a) => `  ${a.cardId}  ${a.question}  (could be: ${a.candidates.map((c) => `${c.cardId} ${c.question}`).join('; ')})`));
  }
  const removed = preview.removedCards ?? [];
  if (removed.length) {
    lines.push(`Cards of the existing deck no longer in the notes (removed, history kept) (${removed.length}):`);
    lines.push(...removed.map((card) => `  ${card.cardId}  ${card.question}`));
  }
  return lines;
}

function main(argv: string[]): number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error(`import:notes: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if ('help' in args) {
    console.log(USAGE);
    return 0;
  }
  let collection: ReturnType<typeof openCliCollection> | null = null;
  try {
    const deckDir = userDeckDir(args.dataDir);
    collection = openCliCollection(args.dataDir);
    const importer = createNotesImporter({
      userDeckDir: deckDir,
      existingDecks: () => [...decksIn(deckDir, false), ...decksIn(BUILT_IN_DECK_DIR, true)],
      maxPending: MAX_BATCH_FILES,
      ...(collection.baselines ? { baselines: collection.baselines } : {}),
    });
    const [only] = args.notesPaths;
    if (args.notesPaths.length > 1 || isFolder(only)) return importBatch(importer, args.notesPaths);
    const preview = importer.preview({ ...readNotesFile(only), outPath: args.outPath, includeSections: args.includeSections });
    console.log(formatSummary(preview, only));
    const written = importer.commit(preview.previewId);
    console.log(`Wrote ${written.path}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`import:notes: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    collection?.close();
  }
}

/** Several files or a folder: every file previewed first (so two files making one deck are caught), then written. */
function importBatch(importer: ReturnType<typeof createNotesImporter>, paths: string[]): number {
  let written = 0;
  let cards = 0;
  const failed: string[] = [];
  for (const item of previewNotesBatch(importer, paths)) {
    try {
      if (!item.preview) throw new AppError(item.problem!);
      console.log(formatSummary(item.preview, item.path));
      console.log(`Wrote ${importer.commit(item.preview.previewId).path}\n`);
      written++;
      cards += item.preview.cardCount;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.error(`import:notes: ${item.path}: ${error.message}\n`);
      failed.push(item.path);
    }
  }
  console.log(`Total: ${written} of ${written + failed.length} notes files imported (${cards} cards)${failed.length ? `; ${failed.length} failed: ${failed.join(', ')}` : ''}`);
  return failed.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
