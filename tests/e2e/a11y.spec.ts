// The accessibility audit (issue 19): axe-core on every screen — home, review (question, answer, proof panel), a
// coding card (editor, failed tests, solution), browse, editor, decks, import, settings, statistics and a mock
// interview (setup, question, answer, report, history) — in the light and the dark theme and in both languages,
// with zero serious or critical violations. One app start per theme and language; each test walks every screen and
// reports every violation found (all screens, not just the first failing one) so a run names everything to fix.
import { test, expect, deckFile, studyDeck, type RunningApp } from './fixtures';
import { describeViolations, seriousViolations, type Violation } from './axe';
import { CODING_DECK, WRONG } from './codingFixture';
import type { Page } from '@playwright/test';

const deck = deckFile('a11y', 'Audit deck', [
  { id: 'a-plain', q: 'What does **LayerNorm** normalise over, for `x` in $\\mathbb{R}^H$?', a: 'The **features** of one token: $\\mu = \\frac1H\\sum_i x_i$.' },
  {
    id: 'a-proof',
    q: 'Does the square grow?',
    a: 'Yes, see the plot.',
    proof: "check.true('squares grow', [0, 1, 4, 9].every((v, i, a) => i === 0 || v > a[i - 1]));\nplot.line({ title: 'squares', series: { y: [0, 1, 4, 9] } });",
  },
  { id: 'a-third', q: 'A third card', a: 'Its answer.' },
]);

type Scheme = 'light' | 'dark';
type Language = 'en' | 'zh-CN';
/** The palette's page background and text in each theme (styles.css). */
const COLOURS: Record<Scheme, { bg: string; text: string }> = {
  light: { bg: 'rgb(247, 247, 245)', text: 'rgb(29, 29, 31)' },
  dark: { bg: 'rgb(23, 24, 27)', text: 'rgb(236, 236, 236)' },
};
/** What the plot's text alternative says in each language. */
const PLOT_LABEL: Record<Language, string> = {
  en: 'squares. Line chart. y: 4 values from 0 to 9.',
  'zh-CN': 'squares。折线图。y：4 个值，从 0 到 9。',
};
const computed = (page: Page, selector: string, property: string) =>
  page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

/** `escapes`: how many Esc presses lead back home (the first one clears a selection). */
type Screen = { name: string; open: (page: Page) => Promise<void>; escapes?: number };

/** From the home screen by its shortcut, waiting for the view; Escape goes back home afterwards. */
const fromHome = (name: string, key: string, ready: string): Screen => ({
  name,
  open: async (page) => {
    await page.keyboard.press(key);
    await expect(page.locator(ready).first()).toBeVisible();
  },
});

const HOME_SCREENS: Screen[] = [
  {
    name: 'browse (a row selected)',
    open: async (page) => {
      await fromHome('browse', 'b', '.browse [data-card-id]').open(page);
      // Questions read as text: no **, backticks or dollars.
      await expect(page.locator('.browse-row[data-card-id="a-plain"] [data-testid="browse-question"]')).toHaveText(
        'What does LayerNorm normalise over, for x in \\mathbb{R}^H?',
      );
      await page.getByTestId('browse-list').focus();
      await page.keyboard.press('Space'); // selects the highlighted row: the selected colours are audited too
      await expect(page.locator('.browse-row[aria-selected="true"]')).toHaveCount(1);
    },
    escapes: 2,
  },
  fromHome('card editor', 'a', '.card-editor'),
  fromHome('decks', 'd', '.decks-header'),
  fromHome('import', 'i', '[data-testid="import-notes"]'),
  fromHome('settings', ',', '.settings-form'),
  fromHome('statistics', 't', '[data-testid="statistics"]'),
];

/** Picks the theme and the language in Settings the way a user does; both apply at once, without Save. */
async function chooseLook(page: Page, scheme: Scheme, language: Language): Promise<void> {
  await page.keyboard.press(',');
  await page.getByTestId('theme').selectOption(scheme);
  await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
  await page.getByTestId('settings-language').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await page.keyboard.press('Escape');
}

/** Presses Escape until the home screen shows (a focused editor takes the first press). */
async function backHome(page: Page): Promise<void> {
  for (let i = 0; i < 3 && !(await page.getByTestId('deck-list').isVisible()); i++) await page.keyboard.press('Escape');
  await expect(page.getByTestId('deck-list')).toBeVisible();
}

async function auditAll(app: RunningApp, scheme: Scheme, language: Language): Promise<Violation[]> {
  const { page } = app;
  const found: Violation[] = [];
  const audit = async (screen: string) => found.push(...(await seriousViolations(page, `${language} ${scheme} ${screen}`)));

  await expect(page.getByTestId('deck-list')).toContainText('Audit deck');
  await audit('home');

  await studyDeck(page, 'a11y');
  const card = page.locator('article.card');
  await expect(card).toHaveAttribute('data-card-id', 'a-plain');
  await audit('review question');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('answer')).toBeVisible();
  await audit('review answer');
  await page.keyboard.press('3');
  await expect(card).toHaveAttribute('data-card-id', 'a-proof');
  await page.keyboard.press('Space');
  await expect(card.getByTestId('proof-verdict')).toHaveClass(/\bpass\b/, { timeout: 20_000 });
  await expect(card.locator('.proof-plot svg')).toBeVisible();
  // The plot draws in the theme's text colour and is one image named by its words.
  expect(await computed(page, '.proof-plot svg', 'color')).toBe(COLOURS[scheme].text);
  await expect(card.locator('.proof-plot [role="img"]')).toHaveAttribute('aria-label', PLOT_LABEL[language]);
  await audit('review proof panel');
  await backHome(page);

  await studyDeck(page, 'coding-review');
  await expect(card).toHaveAttribute('data-card-id', 'cr-softmax');
  await audit('coding card');
  await page.getByTestId('code-editor').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(WRONG);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('test-results')).toHaveAttribute('data-state', 'fail', { timeout: 60_000 });
  await audit('coding card, tests failed');
  await page.getByTestId('show-solution').click();
  await expect(page.getByTestId('coding-solution')).toBeVisible();
  await audit('coding card, solution shown');
  await backHome(page);

  for (const screen of HOME_SCREENS) {
    await expect(page.getByTestId('deck-list'), `home, before ${screen.name}`).toBeVisible();
    await screen.open(page);
    if (screen.name === 'card editor') expect(await computed(page, '.cm-editor', 'background-color')).toBe(COLOURS[scheme].bg);
    await audit(screen.name);
    for (let i = 0; i < (screen.escapes ?? 1); i++) await page.keyboard.press('Escape');
  }

  await expect(page.getByTestId('deck-list')).toBeVisible();
  await page.keyboard.press('m');
  const setup = page.getByTestId('mock-setup');
  await expect(setup).toBeVisible();
  await audit('mock setup');
  await setup.locator('input[data-deck-id="a11y"]').check();
  await page.getByTestId('mock-count').fill('1');
  await page.getByTestId('mock-seconds').fill('300');
  await page.getByTestId('mock-start').click();
  await expect(page.getByTestId('mock-card')).toBeVisible();
  await audit('mock question');
  await page.keyboard.press('Space');
  await expect(page.getByTestId('mock-answer')).toBeVisible();
  await audit('mock answer');
  await page.keyboard.press('3');
  await expect(page.getByTestId('mock-report')).toBeVisible();
  await audit('mock report');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('mock-history-row')).toHaveCount(1);
  await audit('mock setup with a past mock');
  await page.keyboard.press('Escape');
  return found;
}

for (const language of ['en', 'zh-CN'] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violations on any screen, ${language}, ${scheme} theme`, async ({ launchApp }) => {
      test.setTimeout(240_000);
      const app = await launchApp({ builtInDecks: { 'a11y.md': deck, 'coding.md': CODING_DECK } });
      // The system says the other scheme: the Theme setting must win over prefers-color-scheme.
      await app.page.emulateMedia({ colorScheme: scheme === 'light' ? 'dark' : 'light' });
      await expect(app.page.getByTestId('deck-list')).toContainText('Audit deck');
      await chooseLook(app.page, scheme, language);
      expect(await computed(app.page, 'html', 'background-color')).toBe(COLOURS[scheme].bg);
      const found = await auditAll(app, scheme, language);
      const screens = new Set(found.map((v) => v.screen));
      console.log(`axe ${language} ${scheme}: ${found.length} serious/critical rules violated on ${screens.size} screens, ${found.reduce((n, v) => n + v.targets.length, 0)} nodes`);
      expect(found, describeViolations(found)).toEqual([]);
      expect(app.problems).toEqual([]);
    });
  }
}

/** The focused element, whether it shows a focus ring (:focus-visible with a 2px+ outline or a box-shadow). */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return {
      testid: el.dataset.testid ?? null,
      name: el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '',
      ring: el.matches(':focus-visible') && (outline || style.boxShadow !== 'none'),
    };
  });
}

/** Tabs until `wanted` has the focus, checking the ring on every stop on the way. */
async function tabTo(page: Page, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    expect(now.ring, `focus ring on "${now.name}" while tabbing to ${what}`).toBe(true);
    if (wanted(now)) return now;
  }
  throw new Error(`Tab never reached ${what}`);
}

/** What the keyboard-only review hears and reads, in each language. */
const SPOKEN: Record<Language, {
  card: (i: number, n: number, question: string) => string;
  answer: (text: string) => string;
  good: RegExp;
  again: RegExp;
  easy: RegExp;
}> = {
  en: {
    card: (i, n, question) => `Card ${i} of ${n}: ${question}`,
    answer: (text) => `Answer shown: ${text}`,
    good: /^Good — again in 1 day$/,
    again: /^Again — again later today, then in 1 day$/,
    easy: /^Easy — again in \d+ days?$/,
  },
  'zh-CN': {
    card: (i, n, question) => `第 ${i} 张，共 ${n} 张：${question}`,
    answer: (text) => `已显示答案：${text}`,
    good: /^良好 — 1 天后再次出现$/,
    again: /^重来 — 今天稍后再次出现，然后1 天后再次出现$/,
    easy: /^简单 — \d+ 天后再次出现$/,
  },
};

for (const language of ['en', 'zh-CN'] as const) {
  test(`a review from the keyboard alone in ${language}: visible focus, announced cards and answers, grades that say when`, async ({ launchApp }) => {
    // The system's language (navigator.languages) is the default: nothing is chosen in Settings.
    const app = await launchApp({ builtInDecks: { 'a11y.md': deck }, locale: language });
    const { page } = app;
    const spoken = SPOKEN[language];
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    // Theme "system" (the default) follows prefers-color-scheme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.getByTestId('deck-list')).toContainText('Audit deck');
    expect(await computed(page, 'html', 'background-color')).toBe(COLOURS.dark.bg);
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');

    await tabTo(page, (f) => f.testid === 'study-all', 'Study all');
    await page.keyboard.press('Enter');
    const announcer = page.getByTestId('review-announcer');
    await expect(announcer).toHaveAttribute('aria-live', 'polite');
    await expect(announcer).toHaveText(spoken.card(1, 3, 'What does LayerNorm normalise over, for x in \\mathbb{R}^H?'));
    // Card content keeps the deck's language (none here): it is never read as the UI's.
    await expect(page.locator('article.card .question')).not.toHaveAttribute('lang', language);

    await tabTo(page, (f) => f.testid === 'reveal', 'Show answer');
    await page.keyboard.press('Space');
    await expect(page.getByTestId('answer')).toBeVisible();
    await expect(announcer).toHaveText(spoken.answer('The features of one token: \\mu = \\frac1H\\sum_i x_i.'));
    const good = await tabTo(page, (f) => spoken.good.test(f.name), 'the Good button');
    expect(good.name).toMatch(spoken.good);
    const grades = page.locator('.grade');
    await expect(grades.nth(0)).toHaveAccessibleName(spoken.again);
    await expect(grades.nth(3)).toHaveAccessibleName(spoken.easy);
    await page.keyboard.press('3');
    await expect(announcer).toHaveText(spoken.card(2, 3, 'Does the square grow?'));

    // The proof runs from the keyboard too: the answer side's proof panel reports its verdict.
    await page.keyboard.press('Space');
    await expect(announcer).toHaveText(spoken.answer('Yes, see the plot.'));
    await expect(page.getByTestId('proof-verdict')).toHaveClass(/\bpass\b/, { timeout: 20_000 });
    await page.keyboard.press('4');
    await expect(announcer).toHaveText(spoken.card(3, 3, 'A third card'));
    await page.keyboard.press('Space');
    await page.keyboard.press('1');
    // Again drills the card once more today: it comes back as one more card of the session.
    await expect(announcer).toHaveText(spoken.card(4, 4, 'A third card'));
    expect(app.problems).toEqual([]);
  });
}
