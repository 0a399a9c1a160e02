import { test, expect, deckFile } from './fixtures';

const deck = deckFile('opt', 'Optimizers', [
  { id: 'o-adam', q: 'Adam update?', a: '$m_t=\\beta_1 m_{t-1}+(1-\\beta_1)g_t$' },
  { id: 'o-sgd', q: 'SGD with momentum?', a: '$v_t=\\mu v_{t-1}+g_t$' },
]);

test('a deck given an FSRS preset from Settings, by keyboard, shows minute steps on its answer buttons', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: { 'opt.md': deck } });
  const { page } = app;
  await expect(page.getByTestId('deck-list')).toContainText('Optimizers');
  await page.keyboard.press(',');
  const presets = page.getByTestId('presets');
  await expect(presets).toContainText('Deck presets');
  await presets.getByRole('button', { name: 'New preset' }).click();
  await expect(page.getByTestId('preset-choice')).toHaveValue('2');
  await page.getByTestId('preset-scheduler').focus();
  await page.getByTestId('preset-scheduler').selectOption('fsrs');
  const retention = presets.getByLabel(/Desired retention/);
  await retention.fill('0.85');
  await retention.press('Enter');
  await expect(presets.getByRole('status')).toContainText('Saved preset “Preset 1”');
  await presets.getByLabel('Preset of Optimizers').selectOption({ label: 'Preset 1' });
  await expect(presets.getByRole('status')).toContainText('Deck now studies with “Preset 1”');
  await page.keyboard.press('Escape');
  await page.keyboard.press('s');
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'o-adam');
  await page.keyboard.press('Space');
  await expect(page.locator('.grade')).toHaveText([/1m\s*Again/, /6m\s*Hard/, /10m\s*Good/, /\d+d\s*Easy/]);
  await page.keyboard.press('3'); // Good: a 10-minute step
  await expect(page.locator('article.card')).toHaveAttribute('data-card-id', 'o-sgd');
});
