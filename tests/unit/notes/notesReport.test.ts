// `npm run notes:report` on the messy notes fixtures: the totals are the ones counted by hand from the two files
// (tests/fixtures/notes/messy): ch3 has 23 formulas in its 14 cards (the metadata chapter, the TODO GoogLeNet and
// 参考文献 skipped), four images of which receptive-field-demo.png is nowhere; ch10 has 9 formulas in its 7 cards
// (the author chapter, TBD schedules, References and Further reading skipped) and both images found.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportNotesFolder } from '../../../scripts/lib/notesReport';
import { fixturePath } from './helpers';

const messy = fixturePath('messy');

describe('notes:report on the messy notes', () => {
  it('counts formulas, cards and images per file and in total, as counted by hand', () => {
    const { files, total } = reportNotesFolder(messy);
    expect(files.map((file) => [file.path.slice(messy.length + 1), file.formulas, file.cards.good, file.cards.flagged, file.images])).toEqual([
      ['ch10-optimization.md', { found: 9, rendered: 9, failed: 0 }, 7, 4, { found: 2, missing: 0 }],
      ['ch3-经典网络.md', { found: 23, rendered: 23, failed: 0 }, 14, 3, { found: 3, missing: 1 }],
    ]);
    expect(total).toMatchObject({
      formulas: { found: 32, rendered: 32, failed: 0 },
      cards: { good: 21, flagged: 7, skipped: 7, duplicateQuestions: 0 },
      images: { found: 5, missing: 1 },
    });
  });

  it('counts a formula KaTeX refuses as failed, and cards sharing a question as flagged', () => {
    const folder = mkdtempSync(join(tmpdir(), 'proofdeck-report-'));
    try {
      // A heading literally numbered "(2)" meets the counter the importer gives the second plain "Adam".
      writeFileSync(join(folder, 'opt.md'), '# Opt\n\n## Adam (2)\n\nfirst\n\n## Adam\n\n$\\notamacro{x}$ and $ y $\n\n## Adam\n\nthird\n');
      const { total } = reportNotesFolder(folder);
      expect(total.formulas).toEqual({ found: 2, rendered: 1, failed: 1 });
      expect(total.cards).toEqual({ good: 1, flagged: 2, skipped: 0, duplicateQuestions: 2 });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('prints a line per file and the totals; a missing folder is a usage error', () => {
    const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/notes-report.ts', ...args], { encoding: 'utf8' });
    const ok = run(messy);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('Total (2 files)  formulas 32 found / 32 rendered / 0 failed  cards 21 good / 7 flagged');
    expect(ok.stdout).toContain('images 5 found / 1 missing');
    expect(run(fixturePath('nope')).status).toBe(2);
    expect(run().status).toBe(2);
  });
});
