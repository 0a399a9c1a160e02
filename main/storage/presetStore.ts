// Deck presets (issue 16): daily limits, scheduler, desired retention and FSRS weights, shared by decks. Preset 1 is
// the default: it always exists, and a deck with no row in deck_presets uses it.
import { DEFAULT_PRESET_ID, type Preset, type PresetFields } from '../contract/scheduling';
import { AppError } from '../contract/errors';
import { message } from '../contract/messages';
import type { Db } from './database';

export { DEFAULT_PRESET_ID };

interface PresetRow {
  id: number;
  name: string;
  new_per_day: number;
  reviews_per_day: number;
  scheduler: Preset['scheduler'];
  desired_retention: number;
  fsrs_weights: string | null;
}

function presetOf(row: PresetRow): Preset {
  let weights: number[] | null = null;
  try {
    const parsed: unknown = row.fsrs_weights === null ? null : JSON.parse(row.fsrs_weights);
    if (Array.isArray(parsed) && parsed.every((w) => typeof w === 'number' && Number.isFinite(w))) weights = parsed;
  } catch {
    // Weights that do not read fall back to FSRS's defaults rather than breaking study.
  }
  return {
    id: row.id, name: row.name, newPerDay: row.new_per_day, reviewsPerDay: row.reviews_per_day,
    scheduler: row.scheduler, desiredRetention: row.desired_retention, fsrsWeights: weights,
  };
}

export function createPresetStore(db: Db) {
  const all = db.prepare(`SELECT * FROM presets ORDER BY id`);
  const byId = db.prepare(`SELECT * FROM presets WHERE id = ?`);
  const byDeck = db.prepare(`SELECT p.* FROM presets p WHERE p.id = COALESCE((SELECT preset_id FROM deck_presets WHERE deck_id = ?), ${DEFAULT_PRESET_ID})`);
  const insert = db.prepare(`INSERT INTO presets (name, new_per_day, reviews_per_day, scheduler, desired_retention, fsrs_weights)
    VALUES (@name, @newPerDay, @reviewsPerDay, @scheduler, @desiredRetention, @fsrsWeights)`);
  const update = db.prepare(`UPDATE presets SET name = @name, new_per_day = @newPerDay, reviews_per_day = @reviewsPerDay,
    scheduler = @scheduler, desired_retention = @desiredRetention, fsrs_weights = @fsrsWeights WHERE id = @id`);
  const remove = db.prepare(`DELETE FROM presets WHERE id = ?`);
  const nameTaken = db.prepare(`SELECT 1 FROM presets WHERE name = ? AND id <> ?`).pluck();
  const assign = db.prepare(`INSERT INTO deck_presets (deck_id, preset_id) VALUES (?, ?)
    ON CONFLICT (deck_id) DO UPDATE SET preset_id = excluded.preset_id`);
  const unassign = db.prepare(`DELETE FROM deck_presets WHERE deck_id = ?`);
  const assignmentRows = db.prepare(`SELECT deck_id, preset_id FROM deck_presets ORDER BY deck_id`);
  // Cards whose deck uses the preset (the default preset also owns every deck without a row).
  const cardsOfPreset = db.prepare(`SELECT s.card_id FROM card_state s LEFT JOIN deck_presets dp ON dp.deck_id = s.deck_id
    WHERE COALESCE(dp.preset_id, ${DEFAULT_PRESET_ID}) = ? ORDER BY s.card_id`).pluck();
  const cardsOfDeck = db.prepare(`SELECT card_id FROM card_state WHERE deck_id = ? ORDER BY card_id`).pluck();

  const get = (id: number): Preset => {
    const row = byId.get(id) as PresetRow | undefined;
    if (!row) throw new AppError(message('preset.notFound', { presetId: id }));
    return presetOf(row);
  };
  const params = (fields: PresetFields) => ({
    ...fields, name: fields.name.trim(), fsrsWeights: fields.fsrsWeights ? JSON.stringify(fields.fsrsWeights) : null,
  });
  const refuseTakenName = (name: string, id: number) => {
    if (nameTaken.get(name.trim(), id)) throw new AppError(message('preset.nameTaken', { name: name.trim() }));
  };

  return {
    list: (): Preset[] => (all.all() as PresetRow[]).map(presetOf),
    get,
    /** The preset a deck studies with (the default one unless assigned). */
    ofDeck: (deckId: string): Preset => presetOf(byDeck.get(deckId) as PresetRow),
    create(fields: PresetFields): Preset {
      refuseTakenName(fields.name, -1);
      return get(Number(insert.run(params(fields)).lastInsertRowid));
    },
    /** Writes the preset's fields; the caller rewrites card states first when the scheduler changes (one transaction). */
    update(id: number, fields: PresetFields): Preset {
      get(id);
      refuseTakenName(fields.name, id);
      update.run({ ...params(fields), id });
      return get(id);
    },
    /** Decks that used it go back to the default preset. The default preset cannot be deleted. */
    remove(id: number): void {
      if (id === DEFAULT_PRESET_ID) throw new AppError(message('preset.defaultKept', {}));
      get(id);
      remove.run(id);
    },
    assign(deckId: string, presetId: number): void {
      get(presetId);
      if (presetId === DEFAULT_PRESET_ID) unassign.run(deckId);
      else assign.run(deckId, presetId);
    },
    assignments: () => assignmentRows.all() as { deck_id: string; preset_id: number }[],
    cardIdsOfPreset: (id: number) => cardsOfPreset.all(id) as string[],
    cardIdsOfDeck: (deckId: string) => cardsOfDeck.all(deckId) as string[],
  };
}

export type PresetStore = ReturnType<typeof createPresetStore>;
