// Issue 13 "every card is a real flashcard": questions without outline numbers, generic headings with their
// parent, and sections that are not questions left out (with a reason the user can override).
import { describe, expect, it } from 'vitest';
import { questionTitle, titleToTag } from '../../../main/core/notes/headingText';
import { convertOk, previousCardsOf, readFixture } from './helpers';

const chapter3 = readFixture('messy/ch3-经典网络.md');
const chapter10 = readFixture('messy/ch10-optimization.md');

describe('questionTitle: outline numbers and entities removed', () => {
  it.each([
    ['1. 什么是过拟合？', '什么是过拟合？'],
    ['1.13.6 &emsp;感受野如何计算？', '感受野如何计算？'],
    ['3.3.3 （1）为什么使用 3×3 卷积核？', '为什么使用 3×3 卷积核？'],
    ['(2) Why does Adam need bias correction?', 'Why does Adam need bias correction?'],
    ['一、面试真题', '面试真题'],
    ['（一）卷积层的输出尺寸如何计算？', '卷积层的输出尺寸如何计算？'],
    ['第二节 Inception 模块为什么有效？', 'Inception 模块为什么有效？'],
    ['Q1: 1×1 卷积的作用？', '1×1 卷积的作用？'],
    ['Q2. What is learning-rate warmup?', 'What is learning-rate warmup?'],
    ['&#8195;&#8195;BatchNorm&nbsp;的作用', 'BatchNorm 的作用'],
    ['Precision &amp; Recall', 'Precision & Recall'],
    ['<font color=red>2.1 Dropout</font>', '<font color=red>Dropout</font>'],
  ])('%s → %s', (heading, question) => {
    expect(questionTitle(heading)).toBe(question);
  });

  it.each([
    ['2021', 'a title that is only a number'],
    ['第二节', 'a chapter number with nothing after it'],
    ['1 + 1 = 2?', 'a formula starting with a number'],
    ['3D 卷积', 'a number that is part of a word'],
    ['Qwen 模型', 'a word starting with Q'],
    ['`&nbsp;` 与 `&emsp;` 的区别', 'entities inside code spans'],
    ['&lt;br&gt; 标签', 'escaped angle brackets, which would become HTML'],
  ])('keeps %s (%s)', (heading) => {
    expect(questionTitle(heading)).toBe(heading);
  });

  it('leaves tags as before: the legacy numbering rule, entities kept', () => {
    expect(titleToTag('3.3 VGG')).toBe('VGG');
    expect(titleToTag('（一）面试真题')).toBe('（一）面试真题');
  });
});

describe('generic and repeated headings get their parent', () => {
  const deck3 = convertOk(chapter3, { fileName: 'ch3-经典网络.md' });
  const deck10 = convertOk(chapter10, { fileName: 'ch10-optimization.md' });
  const questions3 = deck3.parsed.cards.map((card) => card.frontMd);
  const questions10 = deck10.parsed.cards.map((card) => card.frontMd);

  it('puts the parent heading (numbering stripped) in front of 模型介绍 under LeNet, AlexNet and VGG', () => {
    expect(questions3).toEqual(
      expect.arrayContaining(['LeNet-5 · 模型介绍', 'AlexNet · 模型介绍', 'VGG · 模型介绍', 'AlexNet · 设计思想', '经典网络 · 总结']),
    );
    expect(questions10).toEqual(
      expect.arrayContaining(['Stochastic Gradient Descent · Introduction', 'Adam · Pros and cons', 'Chapter 10 Optimization · Summary']),
    );
  });

  it('leaves every question of a deck unique', () => {
    expect(new Set(questions3).size).toBe(questions3.length);
    expect(new Set(questions10).size).toBe(questions10.length);
  });

  it('keeps a specific question as it is, and the tags as they were', () => {
    expect(questions3).toContain('为什么使用 3×3 卷积核？');
    const card = deck3.parsed.cards.find((c) => c.frontMd === 'LeNet-5 · 模型介绍');
    expect(card?.tags).toEqual(['第三章-经典网络', 'LeNet-5']);
  });

  it('matches generic headings ignoring case, spaces and trailing punctuation, and repeated ones by their stripped title', () => {
    const text = [
      '# BERT', '## MODEL  STRUCTURE：', '12 层 encoder', '## 1. 预训练任务', 'MLM 与 NSP',
      '# GPT', '## 预训练任务', '自回归语言模型', '## 为什么是 decoder-only？', '因果注意力',
    ].join('\n');
    expect(convertOk(text).parsed.cards.map((card) => card.frontMd)).toEqual([
      'BERT · MODEL  STRUCTURE：', 'BERT · 预训练任务', 'GPT · 预训练任务', '为什么是 decoder-only？',
    ]);
  });

  it('numbers a heading repeated under the same parent, where the parent could not tell them apart', () => {
    const text = '# Optimizers\n## How does Adam work?\nmoments\n## How does Adam work\nbias correction\n';
    expect(convertOk(text).parsed.cards.map((card) => card.frontMd)).toEqual(['How does Adam work?', 'How does Adam work (2)']);
  });

  it('numbers a generic heading repeated under one parent after its parent, and leaves other repeats alone', () => {
    const text = '# CNN\n## LeNet\n### 模型介绍\na\n### 模型介绍\nb\n### 模型介绍\nc\n## VGG\n### 模型介绍\nd\n';
    expect(convertOk(text).parsed.cards.map((card) => card.frontMd)).toEqual([
      'LeNet · 模型介绍', 'LeNet · 模型介绍 (2)', 'LeNet · 模型介绍 (3)', 'VGG · 模型介绍',
    ]);
  });

  it('keeps the ids of numbered repeats when a new repeat before them moves their counters', () => {
    const before = '# Optimizers\n## Why Adam?\nmoments\n## Why Adam?\nbias correction\n';
    const first = convertOk(before, { fileName: 'o.md' });
    const previousCards = previousCardsOf(first.deckText);
    const after = '# Optimizers\n## Why Adam?\nnew first answer\n## Why Adam?\nmoments\n## Why Adam?\nbias correction\n';
    const again = convertOk(after, { fileName: 'o.md', previousCards });
    const idOf = (answer: string) => again.parsed.cards.find((card) => card.backMd === answer)!.id;
    expect([idOf('moments'), idOf('bias correction')]).toEqual(previousCards.map((card) => card.id));
    expect(again.parsed.cards.map((card) => card.frontMd)).toEqual(['Why Adam?', 'Why Adam? (2)', 'Why Adam? (3)']);
    expect(again.summary.removedCardIds).toEqual([]);
  });

  it('gives no parent to a generic top-level heading', () => {
    expect(convertOk('# 总结\n\n全文小结').parsed.cards.map((card) => card.frontMd)).toEqual(['总结']);
  });
});

describe('sections that are not questions', () => {
  it('skips reference lists, placeholders and author/contact chapters, each with its reason, includable', () => {
    const { summary } = convertOk(chapter3, { fileName: 'ch3-经典网络.md' });
    expect(summary.skippedHeadings).toEqual([
      { line: 6, heading: '第三章 经典网络', reason: { code: 'notes.skipMetadata', params: {} }, includable: true },
      { line: 74, heading: '3.4 GoogLeNet', reason: { code: 'notes.skipPlaceholder', params: {} }, includable: true },
      { line: 108, heading: '参考文献', reason: { code: 'notes.skipReferences', params: {} }, includable: true },
    ]);
    const english = convertOk(chapter10, { fileName: 'ch10-optimization.md' }).summary.skippedHeadings;
    expect(english.map((skipped) => [skipped.heading, skipped.reason.code])).toEqual([
      ['Chapter 10&nbsp;Optimization', 'notes.skipMetadata'],
      ['10.3 Learning-rate schedules', 'notes.skipPlaceholder'],
      ['References', 'notes.skipReferences'],
      ['Further reading', 'notes.skipReferences'],
    ]);
  });

  it('includes a skipped section when the user lists its heading line, without renaming other cards', () => {
    const before = convertOk(chapter3, { fileName: 'ch3-经典网络.md' });
    const after = convertOk(chapter3, { fileName: 'ch3-经典网络.md', includeSections: [108] });
    expect(after.summary.skippedHeadings.map((skipped) => skipped.line)).toEqual([6, 74]);
    const references = after.parsed.cards.find((card) => card.frontMd === '参考文献');
    expect(references?.backMd).toContain('Gradient-based learning applied to document recognition');
    expect(after.parsed.cards.filter((card) => card !== references).map((card) => card.id)).toEqual(before.parsed.cards.map((card) => card.id));
  });

  it('keeps a leaf answered only by a link, and a placeholder mentioned inside a real answer', () => {
    const text = '# 工具\n## 代码\nGitHub: https://github.com/pytorch/vision\n## Dropout 的作用\n随机失活，防止过拟合。\n\nTODO：补一张示意图\n';
    expect(convertOk(text).parsed.cards.map((card) => card.frontMd)).toEqual(['工具 · 代码', 'Dropout 的作用']);
  });

  it('never drops a section that was already imported as a card', () => {
    const first = convertOk(chapter3, { fileName: 'ch3-经典网络.md', includeSections: [6, 74, 108] });
    const previousCards = previousCardsOf(first.deckText);
    const again = convertOk(chapter3, { fileName: 'ch3-经典网络.md', previousCards });
    expect(again.summary.skippedHeadings).toEqual([]);
    expect(again.summary.removedCardIds).toEqual([]);
    expect(again.parsed.cards.map((card) => card.id)).toEqual(first.parsed.cards.map((card) => card.id));
  });
});
