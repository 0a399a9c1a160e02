import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, compareDeckPaths, compareNatural, deckTreePath } from '../../../main/core/deck';

const sorted = (names: string[]) => [...names].sort(compareNatural);

describe('natural deck order', () => {
  it('reads Chinese numerals by value, where the collator alone puts 第十章 before 第四章', () => {
    const chapters = ['第二十章', '第十章', '第四章', '第十一章', '第二章', '第十三章', '第一百零五章'];
    expect(sorted(chapters)).toEqual(['第二章', '第四章', '第十章', '第十一章', '第十三章', '第二十章', '第一百零五章']);
    // The reason for this module: the numeric collator reads only Arabic digits.
    const collator = new Intl.Collator('zh', { numeric: true });
    expect(collator.compare('第十章', '第四章')).toBeLessThan(0);
  });

  it('gives Chinese numerals their values', () => {
    expect([ '四', '十', '十一', '二十', '一百零五', '两千', '三万零一', '二〇二四', '零' ].map(chineseNumeralValue))
      .toEqual([4, 10, 11, 20, 105, 2000, 30001, 2024, 0]);
  });

  it('orders Arabic numbers by value in Latin names', () => {
    expect(sorted(['ch10', 'ch2', 'Part 10', 'Part 2', 'ch1'])).toEqual(['ch1', 'ch2', 'ch10', 'Part 2', 'Part 10']);
  });

  it('mixes scripts: numbers compare across scripts, text by the collator, ties deterministic', () => {
    expect(sorted(['第3章 优化', '第十章 RNN', '第二章 CNN'])).toEqual(['第二章 CNN', '第3章 优化', '第十章 RNN']);
    expect(sorted(['b', 'B', 'a'])).toEqual(['a', 'B', 'b']);
    expect(compareNatural('同一', '同一')).toBe(0);
  });
});

describe('deck tree path', () => {
  it('splits a name at ::', () => {
    expect(deckTreePath('百面机器学习::第二章 模型评估', '')).toEqual(['百面机器学习', '第二章 模型评估']);
    expect(deckTreePath(' A :: B ::C', 'ignored/folder')).toEqual(['A', 'B', 'C']);
  });

  it('places a plain name under the subfolders of its deck file', () => {
    expect(deckTreePath('ch2', 'book')).toEqual(['book', 'ch2']);
    expect(deckTreePath('ch2', 'book\\part 1/')).toEqual(['book', 'part 1', 'ch2']);
    expect(deckTreePath('Optimizers', '')).toEqual(['Optimizers']);
  });

  it('ignores empty parts of a name', () => {
    expect(deckTreePath('::Solo::', 'x')).toEqual(['x', 'Solo']);
  });

  it('orders paths part by part, a parent before its children', () => {
    const paths = [['book', '第十章'], ['book'], ['a'], ['book', '第二章'], ['book', '第四章', 'x']];
    expect(paths.sort(compareDeckPaths)).toEqual([['a'], ['book'], ['book', '第二章'], ['book', '第四章', 'x'], ['book', '第十章']]);
  });
});
