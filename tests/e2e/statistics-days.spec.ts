// Statistics over several simulated days (issue 15): the host runs with its test clock (PROOFDECK_TEST_CLOCK=1, a
// fixed UTC+5:30 zone, so the study day turns at 22:30 UTC), the test reviews on day 0, 1, 4, then on both sides of
// day 8's 04:00 rollover, opens Statistics and checks every chart's table against SQL run here on the same database.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, deckFile, moveClock } from './fixtures';
import { buttonName, duration, isoDateOfDay, KIND_NAMES, percent } from '../../renderer/src/views/statistics/rows';

const DAY = 86_400_000;
const MINUTE = 60_000;
const QUESTIONS = ['Why scale attention by sqrt(d_k)?', 'What does LayerNorm normalise over?', 'Why does Adam correct its bias?',
  'What is the VC dimension of a line in the plane?', 'When is the bias-variance trade-off not a trade-off?', 'What does dropout approximate?'];
const deck = deckFile('ml', 'ML interview', QUESTIONS.map((q, i) => ({ id: `c${i + 1}`, q, a: `Answer ${i + 1}.` })));
// 10:00 on 2026-03-02 in UTC+5:30.
const DAY0 = Date.UTC(2026, 2, 2, 4, 30);
const studyDayOf = (year: number, month: number, date: number) => Date.UTC(year, month - 1, date) / DAY;

/**
 * Studies all decks from the home screen: each card revealed and answered with the next key (1 Again, 2 Hard,
 * 3 Good, 4 Easy; Good once the keys run out) until the session ends or `limit` answers are given, then back home.
 */
async function study(page: Page, keys: string[], limit = Infinity): Promise<number> {
  await page.getByRole('button', { name: /Study all/ }).click();
  const card = page.locator('article.card');
  const summary = page.getByTestId('summary');
  let answered = 0;
  while (answered < limit) {
    await expect(card.or(summary)).toBeVisible();
    if (await summary.isVisible()) break;
    await page.keyboard.press('Space');
    await expect(page.getByRole('group', { name: 'Grade your recall' })).toBeVisible();
    await page.keyboard.press(keys[answered] ?? '3');
    answered++;
    await expect(page.getByTestId('progress')).toContainText(`${answered} done`);
  }
  // The summary counts answers from the session's start by the host's clock (simulated), not the page's (real).
  if (await summary.isVisible()) await expect(summary).toContainText(`You answered ${answered} card`);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('deck-list')).toBeVisible();
  return answered;
}

/** Moves the host's clock, then reloads, so the home screen asks the host for the new day's counts. */
async function moveTo(page: Page, move: { setMs?: number; advanceMs?: number }): Promise<void> {
  await moveClock(page, move);
  await page.reload();
  await expect(page.getByTestId('deck-list')).toBeVisible();
}

/** A table's body as cell texts, row by row (tables in closed <details> included: they are in the DOM). */
const rowsOf = (page: Page, testid: string) =>
  page.getByTestId(testid).locator('tbody tr').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim())));

test('statistics after reviewing over simulated days match SQL on the same database', async ({ launchApp, appMode }) => {
  test.skip(appMode === 'electron', 'The test clock is browser mode only: the Electron host keeps the system clock.');
  const app = await launchApp({ builtInDecks: { 'ml.md': deck }, hostEnv: { PROOFDECK_TEST_CLOCK: '1', PROOFDECK_TEST_TZ_OFFSET_MIN: '330' } });
  const { page } = app;
  expect((await moveClock(page, { setMs: DAY0 })).utcOffsetMin).toBe(330);
  await page.reload();
  await expect(page.getByTestId('deck-list')).toContainText('ML interview');

  // Day 0: six new cards, every button; Again and Hard bring their card back the same day.
  expect(await study(page, ['1', '2', '3', '4', '3', '4'])).toBeGreaterThanOrEqual(8);
  // Day 1: what is due, with a lapse (Again on a card in review).
  await moveTo(page, { advanceMs: DAY });
  expect(await study(page, ['3', '1', '4', '2'])).toBeGreaterThan(0);
  // Day 4: the lapsed card and whatever else came due.
  await moveTo(page, { advanceMs: 3 * DAY });
  expect(await study(page, ['1'])).toBeGreaterThan(0);
  // 03:50 on 03-10 is still study day 03-09: two answers there, the rest after the 04:00 rollover, on 03-10.
  await moveTo(page, { setMs: DAY0 + 7 * DAY + 17 * 60 * MINUTE + 50 * MINUTE });
  expect(await study(page, ['4', '1'], 2)).toBe(2);
  await moveTo(page, { advanceMs: 20 * MINUTE });
  expect(await study(page, ['3', '1', '4'])).toBeGreaterThan(0);

  await page.keyboard.press('t');
  const screen = page.getByTestId('statistics');
  await expect(screen.getByTestId('today')).toHaveText('2026-03-10');
  const today = Number(await screen.getByTestId('today').getAttribute('data-day'));
  expect(today).toBe(studyDayOf(2026, 3, 10));

  const db = new Database(join(app.dataDir, 'proofdeck.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
    const get = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;

    // Calendar, streak, days studied: the study day stored with each answer.
    const days = all<{ day: number; n: number; newCards: number; learning: number; review: number; ms: number }>(`SELECT day, COUNT(*) AS n,
      SUM(kind = 'new') AS newCards, SUM(kind = 'drill') AS learning, SUM(kind = 'review') AS review, SUM(duration_ms) AS ms
      FROM reviews WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day`, today - 364, today);
    expect(days.map((d) => d.day - studyDayOf(2026, 3, 2))).toEqual([0, 1, 4, 7, 8]);
    expect(await rowsOf(page, 'table-calendar')).toEqual(days.map((d) => [isoDateOfDay(d.day), String(d.n)]));
    await expect(screen.getByTestId('days-studied')).toHaveText(String(days.length));
    await expect(screen.getByTestId('streak')).toHaveText('2'); // 03-09 and 03-10, the rollover between them
    const total = get<{ n: number; ms: number }>(`SELECT COUNT(*) AS n, SUM(duration_ms) AS ms FROM reviews WHERE day BETWEEN ? AND ?`, today - 364, today);
    await expect(screen.getByTestId('answers-year')).toHaveText(String(total.n));
    await expect(screen.getByTestId('average-time')).toHaveText(duration(total.ms / total.n));

    // Answers per day split new / learning / review, and time per day (the 30-day window holds every day).
    expect(await rowsOf(page, 'table-answers')).toEqual(days.map((d) => [isoDateOfDay(d.day), String(d.newCards), String(d.learning), String(d.review)]));
    expect(await rowsOf(page, 'table-time')).toEqual(days.map((d) => [isoDateOfDay(d.day), duration(d.ms)]));
    await screen.getByTestId('span-365').click();
    await expect(screen.getByTestId('chart-answers').locator('figcaption')).toContainText(`(${total.n} answers)`);

    // Due forecast over the next 30 days and the overdue count.
    const due = all<{ dueDay: number; n: number }>(`SELECT due_day AS dueDay, COUNT(*) AS n FROM card_state
      WHERE live = 1 AND queue = 'review' AND due_day BETWEEN ? AND ? GROUP BY due_day ORDER BY due_day`, today, today + 29);
    expect(due.length).toBeGreaterThan(0);
    expect(await rowsOf(page, 'table-forecast')).toEqual(due.map((d) => [isoDateOfDay(d.dueDay), String(d.n)]));
    const overdue = get<{ n: number }>(`SELECT COUNT(*) AS n FROM card_state WHERE live = 1 AND queue = 'review' AND due_day < ?`, today).n;
    await expect(screen.getByTestId('chart-forecast').locator('figcaption')).toContainText(`(${overdue} overdue`);

    // True retention: answers to cards in review, young (interval before the answer < 21 days) and mature.
    const retentionCells = [7, 30, 365].flatMap((w) => {
      const r = get<{ young: number; youngPassed: number; mature: number; maturePassed: number }>(`SELECT
        COALESCE(SUM(prev_interval_days < 21), 0) AS young, COALESCE(SUM(prev_interval_days < 21 AND quality >= 3), 0) AS youngPassed,
        COALESCE(SUM(prev_interval_days >= 21), 0) AS mature, COALESCE(SUM(prev_interval_days >= 21 AND quality >= 3), 0) AS maturePassed
        FROM reviews WHERE kind = 'review' AND day BETWEEN ? AND ?`, today - w + 1, today);
      return [`${percent(r.youngPassed, r.young)} (${r.young})`, `${percent(r.maturePassed, r.mature)} (${r.mature})`];
    });
    expect(retentionCells[4]).toMatch(/^\d+\.\d% \([1-9]\d*\)$/); // the year's young answers: some passed or failed
    expect(await rowsOf(page, 'table-retention')).toEqual([['All decks', ...retentionCells], ['ML interview', ...retentionCells]]);

    // Cards by state: today's drill counted as learning, apart from its queue.
    const drilledToday = `COALESCE(drill_day, -1) = ${today} AND queue <> 'suspended'`;
    const states = get<Record<string, number>>(`SELECT SUM(queue = 'new' AND NOT (${drilledToday})) AS New, SUM(${drilledToday}) AS Learning,
      SUM(queue = 'review' AND interval_days < 21 AND NOT (${drilledToday})) AS Young, SUM(queue = 'review' AND interval_days >= 21 AND NOT (${drilledToday})) AS Mature,
      SUM(queue = 'suspended') AS Suspended FROM card_state WHERE live = 1`);
    expect(await rowsOf(page, 'table-states')).toEqual(Object.entries(states).map(([state, n]) => [state, String(n ?? 0)]));

    // Answer buttons over the last 30 days, by kind then button.
    const buttons = all<{ kind: keyof typeof KIND_NAMES; quality: number; n: number }>(`SELECT kind, quality, COUNT(*) AS n FROM reviews
      WHERE day BETWEEN ? AND ? GROUP BY kind, quality ORDER BY CASE kind WHEN 'new' THEN 0 WHEN 'drill' THEN 1 ELSE 2 END, quality`, today - 29, today);
    expect(new Set(buttons.map((b) => b.quality))).toEqual(new Set([1, 3, 4, 5]));
    expect(await rowsOf(page, 'table-buttons')).toEqual(buttons.map((b) => [KIND_NAMES[b.kind], buttonName(b.quality, false), String(b.n)]));

    // Most lapses, and one opens in the editor.
    const lapsed = all<{ cardId: string; lapses: number }>(`SELECT card_id AS cardId, lapses FROM card_state
      WHERE live = 1 AND lapses > 0 ORDER BY lapses DESC, rowid DESC LIMIT 20`);
    expect(lapsed.length).toBeGreaterThan(0);
    const lapseRows = screen.getByTestId('table-lapses').locator('tbody tr');
    expect(await lapseRows.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-card-id'), r.querySelector('td.num')!.textContent]))).toEqual(
      lapsed.map((l) => [l.cardId, String(l.lapses)]),
    );
    const first = lapsed[0].cardId;
    await lapseRows.first().getByRole('button', { name: 'Edit' }).click();
    await expect(page.getByTestId('editor-front')).toHaveValue(QUESTIONS[Number(first.slice(1)) - 1]);
  } finally {
    db.close();
  }
  expect(app.problems).toEqual([]);
});
