// The closing counts of a notes corpus (`npm run notes:report`): every notes file of a folder converted as the
// batch import would (nothing written), its cards rendered as review shows them. Per file: formulas found /
// rendered / failed, cards good / flagged (a skipped section, with its reason, or a question another card of the
// deck also has), images found / missing.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseDeck } from '../../main/core/deck';
import { convertNotes, decodeNotesBytes } from '../../main/core/notes';
import { notesBatchFiles } from '../../main/services/notesBatch';
import { resolveNotesImage } from '../../main/services/notesImport';
import { markdownToHtml } from '../../renderer/src/lib/markdownHtml';
import { mathOfCards } from './mathView';

export interface NotesFileReport {
  path: string;
  /** Why the file makes no deck (not UTF-8/GBK, no headings…), or null. */
  problem: string | null;
  formulas: { found: number; rendered: number; failed: number };
  cards: { good: number; flagged: number; skipped: number; duplicateQuestions: number };
  images: { found: number; missing: number };
}

const empty = (path: string, problem: string | null): NotesFileReport => ({
  path, problem,
  formulas: { found: 0, rendered: 0, failed: 0 },
  cards: { good: 0, flagged: 0, skipped: 0, duplicateQuestions: 0 },
  images: { found: 0, missing: 0 },
});

/** Cards whose question another card of the same deck also has (each of them counts). */
function duplicateQuestions(questions: readonly string[]): number {
  const times = new Map<string, number>();
  for (const question of questions) times.set(question, (times.get(question) ?? 0) + 1);
  return questions.filter((question) => times.get(question)! > 1).length;
}

function reportFile(path: string, parentDeck: string | undefined): NotesFileReport {
  const decoded = decodeNotesBytes(readFileSync(path));
  if (!decoded.ok) return empty(path, decoded.error.code);
  const notesDir = dirname(path);
  const fileName = basename(path);
  const result = convertNotes({
    text: decoded.text, fileName, parentDeck,
    imageExists: (src) => resolveNotesImage(src, notesDir, process.platform, fileName) !== null,
  });
  if (!result.ok) return empty(path, result.error.code);
  const { cards } = parseDeck(result.deckText);
  const math = mathOfCards(cards, markdownToHtml);
  // A formula that failed is an error box or raw `$…` source left in the text.
  const failed = math.errors + math.stray.length;
  const duplicates = duplicateQuestions(cards.map((card) => card.frontMd));
  const skipped = result.summary.skippedHeadings.length;
  return {
    path, problem: null,
    formulas: { found: math.rendered + failed, rendered: math.rendered, failed },
    cards: { good: cards.length - duplicates, flagged: skipped + duplicates, skipped, duplicateQuestions: duplicates },
    images: { found: result.summary.imageCopies.length, missing: result.summary.missingImages.length },
  };
}

/** Every notes file of the folder (as a batch import lists them), and the totals. */
export function reportNotesFolder(folder: string): { files: NotesFileReport[]; total: NotesFileReport } {
  const { files, problems } = notesBatchFiles([folder]);
  const reports = [
    ...problems.map(({ path, problem }) => empty(path, problem.code)),
    ...files.map((file) => reportFile(file.path, file.parentDeck)),
  ];
  const total = empty(folder, null);
  for (const report of reports) {
    for (const group of ['formulas', 'cards', 'images'] as const) {
      const sums = total[group] as Record<string, number>;
      for (const [key, value] of Object.entries(report[group])) sums[key] += value;
    }
  }
  return { files: reports, total };
}

/** One line of the report: `<name>  formulas a found / b rendered / c failed  cards …  images …`. */
export function formatReportLine(name: string, report: NotesFileReport): string {
  if (report.problem) return `${name}  not converted: ${report.problem}`;
  const { formulas, cards, images } = report;
  return `${name}  formulas ${formulas.found} found / ${formulas.rendered} rendered / ${formulas.failed} failed`
    + `  cards ${cards.good} good / ${cards.flagged} flagged (${cards.skipped} skipped, ${cards.duplicateQuestions} duplicate questions)`
    + `  images ${images.found} found / ${images.missing} missing`;
}
