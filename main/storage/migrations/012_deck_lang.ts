// Schema v12: a deck's optional `lang` (its front matter's BCP 47 tag, e.g. zh-CN), so the renderer can mark card
// content with the language screen readers should read it in. NULL: the deck names none.
export const MIGRATION_012_DECK_LANG = /* sql */ `
ALTER TABLE decks ADD COLUMN lang TEXT;
`;
