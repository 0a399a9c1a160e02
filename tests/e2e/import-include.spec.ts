// Issue 13: the notes preview lists sections that are not questions with their reason, and the user can include
// one with the keyboard; the preview (and the import) then has it as a card.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, repoRoot } from './fixtures';

test('a skipped reference list can be included from the preview, by keyboard', async ({ launchApp }) => {
  const app = await launchApp({});
  const { page } = app;
  await page.getByRole('button', { name: /Import notes/ }).click();
  const notes = readFileSync(join(repoRoot, 'tests/fixtures/notes/messy/ch10-optimization.md'));
  await page.getByTestId('notes-file').setInputFiles({ name: 'ch10-optimization.md', mimeType: 'text/markdown', buffer: notes });

  const cards = page.getByTestId('preview-cards');
  await expect(cards).toContainText('Adam · Introduction');
  const skipped = page.getByTestId('preview-skipped');
  await expect(skipped).toContainText('References');
  await expect(skipped).toContainText('a reference list');
  await expect(skipped).toContainText('a placeholder');
  await expect(cards).not.toContainText('References');

  const include = page.getByRole('checkbox', { name: 'Include “References” as a card' });
  await include.focus();
  await page.keyboard.press('Space');
  await expect(cards).toContainText('References');
  await expect(include).toBeChecked();

  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('deck-list')).toContainText('Optimization');
  const written = readdirSync(app.userDeckDir).filter((name) => name.endsWith('.md'));
  expect(readFileSync(join(app.userDeckDir, written[0]), 'utf8')).toMatch(/^## References \{#/m);
});
