import { describe, expect, it } from 'vitest';
import { assignMissingIds, isValidCardId, parseDeck, serializeDeck, slugifyCardId } from '../../../main/core/deck';

const FRONT = '---\nid: demo\ndeck: Demo\nversion: 1\n---\n';

describe('isValidCardId', () => {
  it.each(['o-adam', 'o-动量', 'a.b_c-1', 'ε', 'हिंदी', '٣'])('accepts %s', (id) => expect(isValidCardId(id)).toBe(true));
  it.each(['', 'a b', 'a/b', 'a#b', '{x}', 'x'.repeat(65), 'a:b'])('rejects %j', (id) => expect(isValidCardId(id)).toBe(false));
});

describe('slugifyCardId', () => {
  it('keeps letters of any script and digits, lower-cased, other runs become one -', () => {
    expect(slugifyCardId('Adam 的完整更新公式？', new Set())).toBe('adam-的完整更新公式');
    expect(slugifyCardId('What is  $\\beta_1$ in Adam?', new Set())).toBe('what-is-beta_1-in-adam');
  });

  it('is unique against taken ids and deterministic', () => {
    const taken = new Set(['q', 'q-2']);
    expect(slugifyCardId('Q', taken)).toBe('q-3');
    expect(slugifyCardId('Q', taken)).toBe('q-3');
  });

  it('stays within 64 characters, suffix included, and is never empty', () => {
    const long = 'x'.repeat(100);
    const first = slugifyCardId(long, new Set());
    expect([...first]).toHaveLength(64);
    const second = slugifyCardId(long, new Set([first]));
    expect(second).toBe(`${'x'.repeat(62)}-2`);
    expect(slugifyCardId('$$ ??? $$', new Set())).toBe('card');
    expect(isValidCardId(slugifyCardId('动'.repeat(80), new Set()))).toBe(true);
  });
});

describe('assignMissingIds', () => {
  const text =
    `${FRONT}\nIntro\n\n## Adam? {tags="adam"}\n\nA\n\n## Momentum\n\n\`\`\`js proof\ncheck.true('x', true);\n\`\`\`\n` +
    `\n## Has one {#kept}\nB\n## Adam?\nC\n## Empty block {}\nD`;

  it('writes ids into heading lines only; every other line stays byte-identical', () => {
    const parsed = parseDeck(text.replace(/\n/g, '\r\n'), 'demo.md');
    const result = assignMissingIds(parsed, new Set(['momentum']));
    expect(result.assigned).toEqual([
      { line: 9, id: 'adam' },
      { line: 13, id: 'momentum-2' },
      { line: 21, id: 'adam-2' },
      { line: 23, id: 'empty-block' },
    ]);
    const before = text.replace(/\n/g, '\r\n').split('\r\n');
    const after = result.text.split('\r\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, index) => (line === before[index] ? [] : [index + 1]));
    expect(changed).toEqual([9, 13, 21, 23]);
    expect(after[8]).toBe('## Adam? {#adam tags="adam"}');
    expect(after[12]).toBe('## Momentum {#momentum-2}');
    expect(after[22]).toBe('## Empty block {#empty-block}');
    expect(result.parsed.errors).toEqual([]);
    expect(result.parsed.cards.map((card) => card.id)).toEqual(['adam', 'momentum-2', 'kept', 'adam-2', 'empty-block']);
    expect(serializeDeck(result.parsed)).toBe(result.text);
  });

  it('is deterministic and idempotent', () => {
    const first = assignMissingIds(parseDeck(text), new Set());
    expect(assignMissingIds(parseDeck(text), new Set()).text).toBe(first.text);
    const again = assignMissingIds(first.parsed, new Set());
    expect(again.assigned).toEqual([]);
    expect(again.text).toBe(first.text);
  });

  it('leaves a file with errors unchanged', () => {
    const broken = `${FRONT}## Q\n## R {#bad!}\n`;
    const result = assignMissingIds(parseDeck(broken), new Set());
    expect(result.assigned).toEqual([]);
    expect(result.text).toBe(broken);
  });
});
