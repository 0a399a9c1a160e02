import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../../renderer/src/lib/codeSpans';

describe('codeSpans', () => {
  it('cuts a worded message at its backticks, every other part code', () => {
    expect(codeSpans('`is:foo`：无法识别，请使用 `is:new` 或 `is:due`')).toEqual([
      { text: 'is:foo', code: true },
      { text: '：无法识别，请使用 ', code: false },
      { text: 'is:new', code: true },
      { text: ' 或 ', code: false },
      { text: 'is:due', code: true },
    ]);
  });

  it('leaves text without backticks, or with an unpaired one, as written', () => {
    expect(codeSpans('plain words')).toEqual([{ text: 'plain words', code: false }]);
    expect(codeSpans('one ` tick')).toEqual([{ text: 'one ` tick', code: false }]);
  });
});
