// Markdown reference links (`[text][label]` + `[label]: url`) resolve across the whole notes file, but each card
// is rendered alone. So a card that uses a label defined elsewhere gets a copy of the definition, and a
// definition nothing uses (Typora shows it as a link; Markdown hides it) becomes a visible inline link.
import { closesFence, parseFenceOpening, type FenceOpening } from './fences';

const DEFINITION = /^ {0,3}\[([^\]\n]+)\]:[ \t]*(<[^>\n]*>|\S+)(.*)$/;

const normalizeLabel = (label: string): string => label.trim().replace(/\s+/g, ' ').toLowerCase();

/** For each line, true when it is fenced code (fence lines included). */
function fencedLines(lines: readonly string[]): boolean[] {
  let open: FenceOpening | null = null;
  return lines.map((line) => {
    if (open) {
      if (closesFence(line, open)) open = null;
      return true;
    }
    open = parseFenceOpening(line);
    return open !== null;
  });
}

/** Labels the prose refers to: `[label]`, `[label][]` or `[text][label]`, but not `[text](url)`. One pass. */
function labelsUsed(prose: string): Set<string> {
  const used = new Set<string>();
  for (const match of prose.matchAll(/\[([^\[\]\n]+)\](?![(:])/g)) used.add(normalizeLabel(match[1]));
  return used;
}

export function linkReferencesPerCard(answers: readonly string[][]): string[][] {
  const definitions = new Map<string, string>();
  const fenced = answers.map(fencedLines);
  answers.forEach((lines, card) =>
    lines.forEach((line, index) => {
      const match = !fenced[card][index] && DEFINITION.exec(line);
      if (match && !definitions.has(normalizeLabel(match[1]))) definitions.set(normalizeLabel(match[1]), line.trim());
    }),
  );
  if (definitions.size === 0) return answers.map((lines) => [...lines]);

  return answers.map((lines, card) => {
    const ownLabels = new Set<string>();
    const proseLines: string[] = [];
    lines.forEach((line, index) => {
      const match = !fenced[card][index] && DEFINITION.exec(line);
      if (match) ownLabels.add(normalizeLabel(match[1]));
      else if (!fenced[card][index]) proseLines.push(line);
    });
    const used = labelsUsed(proseLines.join('\n'));
    const out = lines.map((line, index) => {
      const match = !fenced[card][index] && DEFINITION.exec(line);
      if (!match || used.has(normalizeLabel(match[1]))) return line;
      const url = match[2].replace(/^<|>$/g, '');
      return `[${match[1]}](${/[\s()]/.test(url) ? `<${url}>` : url})`;
    });
    const borrowed = [...used].flatMap((label) => {
      const definition = definitions.get(label);
      return definition !== undefined && !ownLabels.has(label) ? [definition] : [];
    });
    return borrowed.length ? [...out, '', ...borrowed] : out;
  });
}
