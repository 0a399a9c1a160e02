// YAML front matter between `---` lines at the very top of a deck file.
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { ParsedDeckMeta } from '../../contract/deck';
import { message, type Message } from '../../contract/messages';
import { isValidCardId } from './cardId';
import type { SourceLine } from './lines';

export const SUPPORTED_VERSION = 1;
const KNOWN_KEYS = new Set(['id', 'deck', 'version', 'description', 'tags', 'lang']);
/** A BCP 47 language tag as decks use it: a 2–3 letter language, then optional script, region or variant subtags. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

export interface FrontMatterResult {
  /** Index of the first line after the closing `---` (0 when there is no front matter). */
  end: number;
  meta: ParsedDeckMeta | null;
  extra: Record<string, unknown>;
  /** 1-based lines and what is wrong there. */
  problems: { line: number; problem: Message }[];
}

function isDelimiter(line: SourceLine | undefined): boolean {
  return line !== undefined && line.text.trimEnd() === '---';
}

export function parseFrontMatter(lines: readonly SourceLine[]): FrontMatterResult {
  const result: FrontMatterResult = { end: 0, meta: null, extra: {}, problems: [] };
  if (!isDelimiter(lines[0])) {
    result.problems.push({ line: 1, problem: message('deck.noFrontMatter') });
    return result;
  }
  let closing = 1;
  while (closing < lines.length && !isDelimiter(lines[closing])) closing++;
  if (closing >= lines.length) {
    result.end = lines.length;
    result.problems.push({ line: 1, problem: message('deck.unterminatedFrontMatter') });
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
      result.problems.push({ line: lineOf(error.pos[0]), problem: message('deck.frontMatterYaml', { detail: error.message }) });
    }
    return;
  }
  const contents = document.contents;
  if (contents !== null && !isMap(contents)) {
    result.problems.push({ line: lineOf(contents.range?.[0]), problem: message('deck.frontMatterNotMapping') });
    return;
  }
  const keyLines = new Map<string, number>();
  for (const pair of contents?.items ?? []) {
    if (isScalar(pair.key)) keyLines.set(String(pair.key.value), lineOf(pair.key.range?.[0]));
  }
  const data = (document.toJS() ?? {}) as Record<string, unknown>;
  const problem = (key: string, found: Message): void => {
    result.problems.push({ line: keyLines.get(key) ?? 1, problem: found });
  };

  const { id, deck: name, version, description, tags, lang } = data;
  if (id === undefined) problem('id', message('deck.missingId'));
  else if (typeof id !== 'string') problem('id', message('deck.idNotString', { value: String(id) }));
  else if (!isValidCardId(id)) problem('id', message('deck.badDeckId', { id }));
  if (name === undefined) problem('deck', message('deck.missingName'));
  else if (typeof name !== 'string' || name.trim() === '') problem('deck', message('deck.badName'));
  if (version === undefined) problem('version', message('deck.missingVersion', { supported: SUPPORTED_VERSION }));
  else if (typeof version !== 'number') problem('version', message('deck.versionNotNumber', { supported: SUPPORTED_VERSION }));
  else if (version !== SUPPORTED_VERSION) {
    problem('version', message('deck.unknownVersion', { version, supported: SUPPORTED_VERSION }));
  }
  if (description !== undefined && description !== null && typeof description !== 'string') {
    problem('description', message('deck.badDescription'));
  }
  const tagsOk = tags === undefined || tags === null || (Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'));
  if (!tagsOk) problem('tags', message('deck.badTags'));
  if (lang !== undefined && lang !== null && (typeof lang !== 'string' || !LANGUAGE_TAG.test(lang))) {
    problem('lang', message('deck.badLang', { value: String(lang) }));
  }

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
    lang: typeof lang === 'string' ? lang : null,
  };
}
