// Deck presets: CRUD and assignment. A change of scheduler — a preset's own, or a deck moved to a preset with
// another — derives each affected card's state for the new scheduler by replaying its review log (core replay.ts),
// in the same transaction as the change: the log keeps every grade and time, so nothing is lost, and switching back
// gives the states the old scheduler had.
import type { Preset, PresetFields } from '../contract/scheduling';
import { switchScheduler } from '../core/scheduler';
import type { Db } from '../storage/database';
import type { PresetStore } from '../storage/presetStore';
import type { StudyStore } from '../storage/studyStore';
import { schedulerCache } from './studyService';

export function createPresetService(deps: { db: Db; presets: PresetStore; study: StudyStore }) {
  const { db, presets, study } = deps;
  const schedulerOf = schedulerCache();

  /** Rewrites the cards' states under `preset`'s scheduler, from their logs. */
  function reschedule(cardIds: readonly string[], preset: Preset): number {
    const scheduler = schedulerOf(preset);
    return study.rewriteStates(cardIds, (cardId, before) => switchScheduler(scheduler, study.answersOf(cardId), study.stateOf(before)));
  }

  return {
    list: (): Preset[] => presets.list(),
    create: (fields: PresetFields): Preset => presets.create(fields),

    update(id: number, fields: PresetFields): Preset {
      return db.transaction(() => {
        const before = presets.get(id);
        const after = presets.update(id, fields);
        if (before.scheduler !== after.scheduler) reschedule(presets.cardIdsOfPreset(id), after);
        return after;
      })();
    },

    remove(id: number): void {
      db.transaction(() => {
        const gone = presets.get(id);
        const decks = presets.assignments().filter((a) => a.preset_id === id).map((a) => a.deck_id);
        presets.remove(id);
        const fallback = presets.get(1);
        if (gone.scheduler !== fallback.scheduler) for (const deckId of decks) reschedule(presets.cardIdsOfDeck(deckId), fallback);
      })();
    },

    assign(deckId: string, presetId: number): Preset {
      return db.transaction(() => {
        const before = presets.ofDeck(deckId);
        presets.assign(deckId, presetId);
        const after = presets.get(presetId);
        if (before.scheduler !== after.scheduler) reschedule(presets.cardIdsOfDeck(deckId), after);
        return after;
      })();
    },

    assignments: () => presets.assignments().map((a) => ({ deckId: a.deck_id, presetId: a.preset_id })),
  };
}

export type PresetService = ReturnType<typeof createPresetService>;
