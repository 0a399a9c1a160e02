// npm run notes:report -- <folder>
// Converts every notes file of a folder (as import:notes would, writing nothing) and prints per file and in total:
// formulas found / rendered / failed, cards good / flagged, images found / missing (scripts/lib/notesReport.ts).
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { formatReportLine, reportNotesFolder } from './lib/notesReport';

const USAGE = 'usage: npm run notes:report -- <notes folder>';

function main(argv: string[]): number {
  const [folder, ...extra] = argv;
  if (!folder || extra.length || folder.startsWith('-')) {
    console.error(USAGE);
    return folder === '--help' || folder === '-h' ? 0 : 2;
  }
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    console.error(`notes:report: ${folder}: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { files, total } = reportNotesFolder(folder);
  for (const file of files) console.log(formatReportLine(relative(folder, file.path) || file.path, file));
  console.log(formatReportLine(`Total (${files.length} files)`, total));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
