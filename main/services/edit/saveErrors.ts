// Why a card could not be saved, placed where the user typed it: the parser's own errors for the card alone (each
// with its line in the deck file and the editor field that line is in), else the edit's refusal, whose field the
// core names.
import type { CardDraft, CardSaveError } from '../../contract/api';
import type { EditorField, Message } from '../../contract/messages';
import { formatCard, parseDeck } from '../../core/deck';

const CHECK_HEADER = '---\nid: check\ndeck: check\nversion: 1\n---\n\n';
const HEADER_LINES = 6;

/** The editor field a line of the card's canonical text is in. */
function fieldAt(cardText: string, line: number): EditorField {
  const lines = cardText.split('\n');
  const proofStart = lines.findIndex((text) => /^(`{3,}|~{3,})(js|ts) proof\s*$/.test(text));
  const codeStart = lines.findIndex((text) => /^(`{3,}|~{3,})(js|ts) (starter|solution)\s*$/.test(text));
  const separator = lines.findIndex((text) => text.trim() === '?');
  if (proofStart >= 0 && line > proofStart) return 'proof';
  if (codeStart >= 0 && line > codeStart) return 'code';
  if (line <= 1 || (separator >= 0 && line <= separator + 1)) return 'question';
  return 'answer';
}

export function saveErrors(file: string, cardLine: number, draft: CardDraft, refusal: Message): CardSaveError[] {
  const cardText = formatCard({ ...draft, id: null });
  const errors = parseDeck(CHECK_HEADER + cardText, file).errors.filter((e) => e.line > HEADER_LINES);
  if (errors.length > 0) {
    return errors.map((e) => ({ ...e, file, line: cardLine + e.line - HEADER_LINES - 1, field: fieldAt(cardText, e.line - HEADER_LINES) }));
  }
  return [{ ...refusal, file, line: cardLine, field: refusal.field ?? 'answer' }];
}
