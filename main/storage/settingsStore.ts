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
  return { ...DEFAULT_SETTINGS, ...stored } as Settings;
}

export function writeSettings(db: Db, patch: Partial<Settings>): Settings {
  const upsert = db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined && key in DEFAULT_SETTINGS) upsert.run(key, JSON.stringify(value));
    }
  })();
  return readSettings(db);
}
