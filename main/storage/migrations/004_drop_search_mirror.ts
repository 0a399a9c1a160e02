// Schema v4: browse searches an in-memory index read once per database change (services/browseService.ts), so the
// trigger-kept text mirror of migration 003 and its two indexes only slowed every write — at 100,000 cards they
// doubled the start-up sync (3.1 s → 1.5 s without them). Dropped; the browse read takes the text from `cards`.
export const MIGRATION_004_DROP_SEARCH_MIRROR = /* sql */ `
DROP TRIGGER IF EXISTS card_search_insert;
DROP TRIGGER IF EXISTS card_search_update;
DROP TRIGGER IF EXISTS card_search_delete;
DROP TABLE IF EXISTS card_search;
DROP INDEX IF EXISTS cards_by_created;
DROP INDEX IF EXISTS cards_by_updated;
`;
