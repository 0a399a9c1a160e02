import type { Settings } from '../contract/api';
import type { Db } from './database';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  newPerDay: 20,
  reviewsPerDay: 200,
  rolloverHour: 4,
  sixGrades: false,
  durability: 'NORMAL',
  proofBackend: 'auto',
  proofTimeoutMs: 10_000,
  collapsedDecks: [],
  language: 'system',
  theme: 'system',
});

export function readSettings(db: Db): Settings {
  const rows = db.prepare(`SELECT key, value FROM settings`).all() as { key: string; value: string }[];
  const stored: Record<string, unknown> = {};
  for (const { key, value } of rows) {
    if (key in DEFAULT_SETTINGS) {
      try {
        stored[key] = JSON.parse(value);
      } catch {
        // A value we cannot read falls back to the default rather than breaking start-up.
      }
    }
  }
  // The daily limits live in the default preset since migration 009 (issue 16); the settings screen edits those.
  const limits = db.prepare(`SELECT new_per_day AS newPerDay, reviews_per_day AS reviewsPerDay FROM presets WHERE id = 1`).get() as
    Pick<Settings, 'newPerDay' | 'reviewsPerDay'> | undefined;
  return { ...DEFAULT_SETTINGS, ...stored, ...limits } as Settings;
}

export function writeSettings(db: Db, patch: Partial<Settings>): Settings {
  const upsert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && key in DEFAULT_SETTINGS) upsert.run(key, JSON.stringify(value));
    }
    if (patch.newPerDay !== undefined) db.prepare(`UPDATE presets SET new_per_day = ? WHERE id = 1`).run(patch.newPerDay);
    if (patch.reviewsPerDay !== undefined) db.prepare(`UPDATE presets SET reviews_per_day = ? WHERE id = 1`).run(patch.reviewsPerDay);
  })();
  return readSettings(db);
}
