// Which language to declare for a deck made from notes (front matter `lang`), so screen readers read its cards in
// it. Only Chinese is detected: notes that are "mostly Chinese" get `zh-CN`; anything else gets no `lang` (the UI's
// language then applies), because guessing English for mixed notes would make a reader mispronounce the Chinese.

/** Han characters at or above this share of the letters (Han + Latin) make the notes "mostly Chinese". */
export const CHINESE_SHARE = 0.3;

/** Code and math are English-looking whatever the notes' language: fenced blocks, inline code, $$…$$ and $…$. */
const NOT_PROSE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?^ {0,3}\1[^\n]*$|`[^`\n]+`|\$\$[\s\S]*?\$\$|\$[^$\n]+\$/gm;

/**
 * `zh-CN` when Han characters are at least 30% of the letters outside code and math (an ML note in Chinese keeps
 * many English terms: Adam, softmax, BERT; 30% still holds for those and fails for English notes quoting a few
 * Chinese words), else null.
 */
export function notesLanguage(text: string): 'zh-CN' | null {
  const prose = text.replace(NOT_PROSE, ' ');
  const han = prose.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = prose.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han / (han + latin) >= CHINESE_SHARE ? 'zh-CN' : null;
}
