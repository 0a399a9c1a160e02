// docs/ARCHITECTURE.md is the living design: its "Error codes" section lists every message code of ENGLISH with its
// kind. This keeps the list honest both ways — a new code must be documented, a removed one must leave the doc —
// and the kind shown must be the one errorKind gives (it picks the HTTP status and the renderer's reaction).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorKind } from '../../main/contract/errors';
import { ENGLISH, type MessageCode } from '../../main/contract/messages';

const root = join(import.meta.dirname, '../..');
const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');

/** The text of the `## Error codes` section, up to the next `## ` heading. */
function errorCodesSection(text: string): string {
  const start = text.search(/^## Error codes[ \t]*$/m);
  if (start < 0) return '';
  const rest = text.slice(start + 1);
  const next = rest.search(/^## /m);
  return next < 0 ? rest : rest.slice(0, next);
}

/** Table rows whose first cell is one code in backticks: `| \`edit.cardNotFound\` | kind | meaning |`. */
function documentedCodes(section: string): { code: string; kind: string; line: string }[] {
  const rows: { code: string; kind: string; line: string }[] = [];
  for (const line of section.split('\n')) {
    const match = /^\|\s*`([^`]+)`\s*\|\s*([^|]*?)\s*\|/.exec(line);
    if (match) rows.push({ code: match[1], kind: match[2].replace(/`/g, ''), line });
  }
  return rows;
}

describe('docs/ARCHITECTURE.md', () => {
  const section = errorCodesSection(doc);
  const rows = documentedCodes(section);
  const codes = Object.keys(ENGLISH);

  it('has an "Error codes" section with a table of codes', () => {
    expect(section).not.toBe('');
    expect(rows.length).toBeGreaterThan(0);
  });

  it('lists every message code of ENGLISH', () => {
    const listed = new Set(rows.map((row) => row.code));
    expect(codes.filter((code) => !listed.has(code))).toEqual([]);
  });

  it('lists no code that ENGLISH no longer has, and none twice', () => {
    const known = new Set(codes);
    expect(rows.filter((row) => !known.has(row.code)).map((row) => row.code)).toEqual([]);
    const seen = new Set<string>();
    const twice = rows.filter((row) => (seen.has(row.code) ? true : (seen.add(row.code), false))).map((row) => row.code);
    expect(twice).toEqual([]);
  });

  it("shows each code's kind as errorKind gives it", () => {
    const wrong = rows
      .filter((row) => row.code in ENGLISH && row.kind !== errorKind(row.code as MessageCode))
      .map((row) => `${row.code}: doc says ${row.kind}, errorKind says ${errorKind(row.code as MessageCode)}`);
    expect(wrong).toEqual([]);
  });

  it('starts by saying it is the living design', () => {
    expect(doc).toContain('This is the living design: a change to a contract updates this file in the same commit.');
  });
});
