// Writes a fresh deck file in ARCHITECTURE.md's format: YAML front matter, then one `## question {#id tags="…"}`
// heading per card with its answer below.
import { stringify } from 'yaml';

export interface DeckCardText {
  id: string;
  question: string;
  tags: string[];
  answerLines: string[];
  proof: { lang: 'js' | 'ts'; code: string } | null;
  /** The whole card already formatted (a user's deck text kept on re-import); the other fields are then unused. */
  text?: string;
}

export interface DeckFileText {
  id: string;
  name: string;
  description: string;
  /** Front matter `lang` (the content's language), written only when set. */
  lang?: string | null;
  importedFrom: string;
  preambleLines: string[];
  cards: DeckCardText[];
}

function proofBlock(proof: { lang: 'js' | 'ts'; code: string }): string[] {
  const longest = Math.max(2, ...(proof.code.match(/^ {0,3}`{3,}/gm) ?? []).map((run) => run.trim().length));
  const fence = '`'.repeat(longest + 1);
  return [`${fence}${proof.lang} proof`, ...proof.code.replace(/\n$/, '').split('\n'), fence];
}

export function renderDeckFile(deck: DeckFileText): string {
  const frontMatter = stringify(
    { id: deck.id, deck: deck.name, version: 1, ...(deck.lang ? { lang: deck.lang } : {}), description: deck.description, importedFrom: deck.importedFrom },
    { lineWidth: 0 },
  );
  const lines: string[] = ['---', ...frontMatter.trimEnd().split('\n'), '---', ''];
  if (deck.preambleLines.length) lines.push(...deck.preambleLines, '');
  for (const card of deck.cards) {
    if (card.text !== undefined) {
      lines.push(card.text, '');
      continue;
    }
    const tags = card.tags.length ? ` tags="${card.tags.join(' ')}"` : '';
    lines.push(`## ${card.question} {#${card.id}${tags}}`, '', ...card.answerLines, '');
    if (card.proof) lines.push(...proofBlock(card.proof), '');
  }
  return lines.join('\n');
}
