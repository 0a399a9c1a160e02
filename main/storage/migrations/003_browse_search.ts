// Schema v3: browse search. Each card's question and answer text is mirrored into a narrow table by triggers, so
// a search as you type scans ~1/3 of the bytes it would in `cards` (proof code and bookkeeping stay out), and no
// code path can forget to keep it current. Two-character Chinese queries (动量) have no word boundaries for FTS5's
// unicode61 tokenizer and are below the trigram tokenizer's three characters, so a substring scan is the method
// that works for every query; scripts/bench/browse.ts measures it at 100,000 cards.
export const MIGRATION_003_BROWSE_SEARCH = /* sql */ `
CREATE TABLE card_search (
  card_rowid INTEGER PRIMARY KEY,
  text       TEXT NOT NULL
);
INSERT INTO card_search (card_rowid, text) SELECT rowid, front_md || char(10) || back_md FROM cards;
CREATE TRIGGER card_search_insert AFTER INSERT ON cards BEGIN
  INSERT OR REPLACE INTO card_search (card_rowid, text) VALUES (new.rowid, new.front_md || char(10) || new.back_md);
END;
CREATE TRIGGER card_search_update AFTER UPDATE OF front_md, back_md ON cards BEGIN
  UPDATE card_search SET text = new.front_md || char(10) || new.back_md WHERE card_rowid = new.rowid;
END;
CREATE TRIGGER card_search_delete AFTER DELETE ON cards BEGIN
  DELETE FROM card_search WHERE card_rowid = old.rowid;
END;
CREATE INDEX cards_by_created ON cards (created_at);
CREATE INDEX cards_by_updated ON cards (updated_at);
`;
