// YAML front matter between `---` lines at the very top of a deck file.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ParsedDeckMeta } from '../../contract/deck';
import { ID_RULE, isValidCardId } from './cardId';
import type { SourceLine } from './lines';

export const SUPPORTED_VERSION = 1;
const KNOWN_KEYS = new Set(['id', 'deck', 'version', 'description', 'tags']);

export interface FrontMatterResult {
  /** Index of the first line after the closing `---` (0 when there is no front matter). */
  end: number;
  meta: ParsedDeckMeta | null;
  extra: Record<string, unknown>;
  /** 1-based lines and messages. */
  problems: { line: number; message: string }[];
}

function isDelimiter(line: SourceLine | undefined): boolean {
  return line !== undefined && line.text.trimEnd() === '---';
}

export function parseFrontMatter(lines: readonly SourceLine[]): FrontMatterResult {
  const result: FrontMatterResult = { end: 0, meta: null, extra: {}, problems: [] };
  if (!isDelimiter(lines[0])) {
    result.problems.push({
      line: 1,
      message: "no front matter: a deck file starts with a '---' line, then id, deck and version, then '---'",
    });
    return result;
  }
  let closing = 1;
  while (closing < lines.length && !isDelimiter(lines[closing])) closing++;
  if (closing >= lines.length) {
    result.end = lines.length;
    result.problems.push({ line: 1, message: "unterminated front matter: add a '---' line after it" });
    return result;
  }
  result.end = closing + 1;
  const yamlText = lines
    .slice(1, closing)
    .map((line) => line.text + '\n')
    .join('');
  readYaml(yamlText, closing, result);
  return result;
}

/**
 * YAML starts on file line 2, so YAML line n is file line n + 1; an error found at the end of the input
 * is reported on the last YAML line (`lastLine`), not on the closing `---`.
 */
function readYaml(yamlText: string, lastLine: number, result: FrontMatterResult): void {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const lineOf = (offset: number | undefined): number =>
    offset === undefined ? 1 : Math.max(2, Math.min(lastLine, lineCounter.linePos(offset).line + 1));
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      result.problems.push({ line: lineOf(error.pos[0]), message: `front matter is not valid YAML: ${error.message}` });
    }
    return;
  }
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    result.problems.push({ line: lineOf(contents.range?.[0]), message: 'front matter is not a YAML mapping of key: value lines' });
    return;
  }
  const keyLines = new Map<string, number>();
  for (const pair of contents?.items ?? []) {
    if (isScalar(pair.key)) keyLines.set(String(pair.key.value), lineOf(pair.key.range?.[0]));
  }
  const data = (document.toJS() ?? {}) as Record<string, unknown>;
  const problem = (key: string, message: string): void => {
    result.problems.push({ line: keyLines.get(key) ?? 1, message });
  };

  const { id, deck: name, version, description, tags } = data;
  if (id === undefined) problem('id', "front matter is missing 'id' (the deck's id, e.g. id: optimizers)");
  else if (typeof id !== 'string') problem('id', `front matter 'id' must be a string (quote it: id: "${String(id)}")`);
  else if (!isValidCardId(id)) problem('id', `bad deck id '${id}': ${ID_RULE}`);
  if (name === undefined) problem('deck', "front matter is missing 'deck' (the deck's display name)");
  else if (typeof name !== 'string' || name.trim() === '') problem('deck', "front matter 'deck' must be a non-empty name");
  if (version === undefined) problem('version', `front matter is missing 'version' (write version: ${SUPPORTED_VERSION})`);
  else if (typeof version !== 'number') problem('version', `front matter 'version' must be the number ${SUPPORTED_VERSION}`);
  else if (version !== SUPPORTED_VERSION) {
    problem('version', `unknown version ${version}: this app reads deck files of version ${SUPPORTED_VERSION}`);
  }
  if (description !== undefined && description !== null && typeof description !== 'string') {
    problem('description', "front matter 'description' must be text");
  }
  const tagsOk = tags === undefined || tags === null || (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'));
  if (!tagsOk) problem('tags', "front matter 'tags' must be a list of strings, e.g. tags: [optimizer, adam]");

  for (const [key, value] of Object.entries(data)) {
    if (!KNOWN_KEYS.has(key)) result.extra[key] = value;
  }
  if (result.problems.length > 0) return;
  result.meta = {
    id: id as string,
    name: name as string,
    version: version as number,
    description: typeof description === 'string' ? description : null,
    tags: Array.isArray(tags) ? (tags as string[]) : [],
  };
}
