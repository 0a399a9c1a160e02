// Issue 19: the zh-CN UI. Walks every view in Chinese and fails on untranslated text (i18nWalk.ts says what is
// checked and what is skipped); switching the language applies at once; the system language is the default.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { callApi, expect, studyDeck, test } from './fixtures';
import { untranslatedText } from './i18nWalk';

// A Chinese deck (as the built-in ones): its names and content are card content, never translated.
const deck = `---
id: zh-walk
deck: 注意力机制
version: 1
lang: zh-CN
---

## 为什么要除以 √d_k？ {#zh-scale tags="注意力"}

点积的方差随维度增长，缩放后 softmax 不会饱和：$\\operatorname{Var}(q\\cdot k) = d_k$。

\`\`\`js proof
const q = tf.randomNormal([4000, 64], 0, 1, 'float32', 1);
const k = tf.randomNormal([4000, 64], 0, 1, 'float32', 2);
const variance = tf.moments(tf.sum(tf.mul(q, k), 1)).variance.dataSync()[0];
log('方差', variance);
table('样本', [[1, 2], [3, 4]]);
check.true('方差约等于 64', Math.abs(variance - 64) < 8);
check.close('缩放后方差约为 1', variance / 64, 1, { atol: 0.15, rtol: 0 });
// Every kind of plot: axis and legend labels are the UI's, never Observable Plot's English defaults.
plot.line({ title: '损失', series: { 训练: [3, 2, 1], 验证: [3, 2.5, 2] } });
plot.scatter({ title: '词向量', points: [[0, 0], [1, 1], [2, 0]], links: [[0, 1]] });
plot.bar({ title: '次数', labels: ['甲', '乙'], series: { 次数: [1, 2] } });
plot.histogram({ title: '点积', series: { 点积: [1, 2, 2, 3, 3, 3] }, bins: 3 });
plot.heatmap({ title: '注意力权重', data: [[0.9, 0.1], [0.2, 0.8]], xLabels: ['键一', '键二'], yLabels: ['查询一', '查询二'] });
\`\`\`

## 层归一化对什么做归一化？ {#zh-ln}

对单个词元的全部特征。
`;

// A coding card in Chinese: the editor, a failed run's results and the solution are walked too.
const codingDeck = `---
id: zh-code
deck: 编程练习
version: 1
lang: zh-CN
---

## 写出数值稳定的 softmax {#zh-softmax type="code" tags="softmax"}

先减去每行的最大值再取指数，结果不变且不会溢出。

\`\`\`js starter
// x：二维张量，每行一个样本
function softmax(x) {
  return x; // 待完成
}
\`\`\`

\`\`\`js solution
function softmax(x) {
  return tf.softmax(x);
}
\`\`\`

\`\`\`js proof
const x = tf.tensor2d([[1, 2, 3], [1000, 1001, 1002]]);
check.close('每行之和为 1', tf.sum(softmax(x), -1), [1, 1], { inputs: '两行 logits' });
\`\`\`
`;

const notes = '# 优化器\n\n## 什么是动量？\n\n动量累积过去的梯度。\n\n## 参考文献\n\n- [1] 某论文\n';

/** The walk's verdict on the page as it is now; `view` names it in the failure. */
async function expectChinese(page: Page, view: string, ignore: string[] = []) {
  expect({ view, untranslated: await untranslatedText(page, { ignore }) }).toEqual({ view, untranslated: [] });
}

test('every view in zh-CN is Chinese outside card content', async ({ launchApp }) => {
  test.setTimeout(180_000);
  const app = await launchApp({ builtInDecks: { 'zh.md': deck, 'code.md': codingDeck } });
  let { page } = app;
  await callApi(page, 'updateSettings', { language: 'zh-CN' });
  page = await app.restart();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByTestId('study-all')).toContainText('全部学习');
  await expectChinese(page, 'home');

  await studyDeck(page, 'zh-walk');
  const card = page.locator('article.card');
  await expect(card).toHaveAttribute('data-card-id', 'zh-scale');
  await expect(card.locator('.question')).toHaveAttribute('lang', 'zh-CN');
  await expectChinese(page, 'review question');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('proof-verdict')).toContainText('证明通过', { timeout: 30_000 });
  // A numeric check (check.close) shows its largest errors.
  await expect(page.getByTestId('proof-checks').locator('.errors')).toContainText('最大绝对误差');
  await expectChinese(page, 'review answer and proof panel', [
    // The backend menu's tooltips are the browser's device strings (e.g. "ANGLE (Google, SwiftShader…)").
    '.backend-menu option',
  ]);
  await page.keyboard.press('1'); // 重来: drilled again today
  await expect(card).toHaveAttribute('data-card-id', 'zh-ln');
  // 良好 until the session ends (the drilled card comes back once).
  const summary = page.getByTestId('summary');
  while (!(await summary.isVisible())) {
    await page.getByTestId('reveal').click();
    await page.locator('.grade.q4').click();
    await expect(summary.or(page.getByTestId('reveal'))).toBeVisible();
  }
  await expectChinese(page, 'session summary');
  await page.keyboard.press('Escape');

  await studyDeck(page, 'zh-code');
  await expect(card).toHaveAttribute('data-card-id', 'zh-softmax');
  await expectChinese(page, 'coding card');
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText('function softmax(x) { return x; }');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('test-results')).toHaveAttribute('data-state', 'fail', { timeout: 60_000 });
  await expectChinese(page, 'coding card, tests failed');
  await page.getByTestId('show-solution').click();
  await expect(page.getByTestId('coding-solution').locator('[lang="zh-CN"]').first()).toBeVisible();
  await expectChinese(page, 'coding card, solution shown');
  await page.keyboard.press('Escape'); // from the grade buttons' focus: home
  await expect(page.getByTestId('deck-list')).toBeVisible();

  await page.keyboard.press('b');
  await expect(page.locator('.browse-row[data-card-id]')).toHaveCount(3);
  await expectChinese(page, 'browse');
  // A query keyword with a value it does not know: the problem in Chinese, the query syntax as code.
  const search = page.getByTestId('browse-search');
  await search.fill('is:foo');
  await expect(page.getByTestId('browse-query-error')).toContainText('无法识别');
  await expect(page.getByTestId('browse-query-error').locator('code').first()).toHaveText('is:foo');
  await expectChinese(page, 'browse with a bad query');
  await search.fill('除以');
  await expect(page.getByTestId('browse-query-error')).toHaveCount(0);
  await expect(page.locator('.browse-row[data-card-id]')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('card-editor')).toBeVisible();
  await expect(page.getByTestId('preview-back').locator('[data-card-content]')).toHaveAttribute('lang', 'zh-CN');
  await expectChinese(page, 'card editor');
  await page.getByTestId('run-proof').click();
  await expect(page.getByTestId('card-editor').getByTestId('proof-verdict')).toContainText('证明通过', { timeout: 30_000 });
  await expectChinese(page, 'card editor with a proof run', ['.backend-menu option']);
  // CodeMirror's own words: its search panel.
  await page.getByTestId('proof-editor').click();
  await page.keyboard.press('Control+f');
  await expect(page.locator('.cm-search')).toBeVisible();
  await expectChinese(page, 'proof editor search panel', ['.backend-menu option']);
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  await page.keyboard.press('Escape');
  await page.keyboard.press('d');
  await expect(page.getByTestId('decks-list')).toBeVisible();
  await expectChinese(page, 'decks');
  await page.keyboard.press('Escape');

  await page.keyboard.press('i');
  await expect(page.getByTestId('import-notes')).toBeVisible();
  await page.getByTestId('notes-file').setInputFiles({ name: '优化器.md', mimeType: 'text/markdown', buffer: Buffer.from(notes) });
  await expect(page.getByTestId('import-preview')).toBeVisible();
  await expectChinese(page, 'import preview');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('deck-list')).toContainText('优化器');

  await page.keyboard.press(',');
  await expect(page.getByTestId('presets')).toBeVisible();
  await expectChinese(page, 'settings');
  await page.getByTestId('open-scheduler-fit').click();
  await expect(page.getByTestId('fit-problem')).toBeVisible();
  await expectChinese(page, 'scheduler fit (too little history)');
  await page.keyboard.press('Escape');

  await page.keyboard.press('t');
  await expect(page.getByTestId('chart-answers').locator('svg').first()).toBeVisible();
  await expectChinese(page, 'statistics');
  await page.keyboard.press('Escape');

  // Mock interview: the setup, one question answered, its report.
  await page.keyboard.press('m');
  await expect(page.getByTestId('mock-setup')).toBeVisible();
  await expectChinese(page, 'mock setup');
  await page.locator('[data-testid="mock-setup"] input[data-deck-id="zh-walk"]').check();
  await page.getByTestId('mock-count').fill('1');
  await page.getByTestId('mock-start').click();
  await expect(page.getByTestId('mock-position')).toHaveText('第 1 题，共 1 题');
  // The answer side (with its proof panel's backend menu, whose device names are the hardware's own) is in the page, hidden until reveal.
  await expectChinese(page, 'mock question', ['.backend-menu option']);
  await page.getByTestId('mock-reveal').click();
  await expectChinese(page, 'mock answer', ['.backend-menu option']);
  await page.locator('.grade[data-grade="good"]').click();
  await expect(page.getByTestId('mock-report')).toBeVisible();
  await expectChinese(page, 'mock report');
  expect(app.problems).toEqual([]);
});

test('switching the language applies at once, and system follows the browser', async ({ launchApp }) => {
  const app = await launchApp({ builtInDecks: { 'zh.md': deck }, locale: 'zh-CN' });
  const { page } = app;
  // No setting yet: the system's language (navigator.languages) is Chinese.
  await expect(page.getByTestId('study-all')).toContainText('全部学习');
  await page.keyboard.press(',');
  const language = page.getByTestId('settings-language');
  await expect(language.locator('option[value="system"]')).toHaveText('跟随系统（简体中文）');
  await language.selectOption('en');
  await expect(page.locator('#settings-title')).toHaveText('Settings');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('study-all')).toContainText('Study all');
  expect((await callApi(page, 'getSettings')).language).toBe('en');
  await page.keyboard.press(',');
  await page.getByTestId('settings-language').selectOption('zh-CN');
  await expect(page.locator('#settings-title')).toHaveText('设置');

  // The database-problem screen, before any setting can be read: in the system's language.
  await app.stop();
  for (const suffix of ['-wal', '-shm']) rmSync(join(app.dataDir, `proofdeck.sqlite${suffix}`), { force: true });
  writeFileSync(join(app.dataDir, 'proofdeck.sqlite'), 'not a database, just text long enough to have a header'.repeat(20));
  const restarted = await app.restart();
  await expect(restarted.getByTestId('database-problem')).toContainText('你的复习数据库需要处理');
  await expectChinese(restarted, 'database problem');
});
