// The statistics screen's data: today from the clock (the only place it is read), the aggregates from storage,
// folded by the pure core. One call gives the whole screen, so the renderer never reads a clock of its own.
import { FORECAST_DAYS, STATISTICS_HISTORY_DAYS, type Statistics } from '../contract/statistics';
import { answersPerDay, buttonsOf, currentStreak, dueForecast, retentionOf, sortDeckRetention, windowStart } from '../core/stats';
import type { StatsStore } from '../storage/statsStore';
import { studyDay, type Clock } from './clock';

export function createStatisticsService(deps: { store: StatsStore; clock: Clock; rolloverHour: () => number }) {
  const { store, clock } = deps;

  return {
    statistics(deckId: string | null): Statistics {
      const today = studyDay(clock, deps.rolloverHour());
      const from = windowStart(today, STATISTICS_HISTORY_DAYS);
      const totals = store.dayTotals(deckId, from, today);
      const days = answersPerDay(totals, today);
      const retention = retentionOf(totals, today);
      // One deck's retention is the deck's own; all decks are split by deck in one more pass over the year.
      const retentionByDeck = deckId === null
        ? sortDeckRetention(store.deckRetention(today))
        : retention.some((w) => w.young.total + w.mature.total > 0)
          ? [{ deckId, deckName: store.deckName(deckId) ?? deckId, windows: retention }]
          : [];
      return {
        deckId,
        today,
        days,
        currentStreak: currentStreak(store.studiedDays(deckId, today), today),
        daysStudied: days.length,
        dueDays: dueForecast(store.dueByDay(deckId, today, today + FORECAST_DAYS - 1), today, FORECAST_DAYS),
        overdue: store.overdue(deckId, today),
        retention,
        retentionByDeck,
        cardStates: store.cardStates(deckId, today),
        buttons: buttonsOf(totals, today),
        answers: days.reduce((n, d) => n + d.newCards + d.learning + d.review, 0),
        ms: days.reduce((n, d) => n + d.ms, 0),
        mostLapsed: store.mostLapsed(deckId),
      };
    },
  };
}

export type StatisticsService = ReturnType<typeof createStatisticsService>;
