// Re-import against the last import's baseline (issue 14): which side changed decides whose text the card keeps,
// and a card changed on both sides is a conflict the user settles. Real converter, real deck parser.
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import type { ConvertNotesInput, NotesImportSummary } from '../../../main/core/notes';
import { convertOk } from './helpers';

const NOTES = [
  '# 优化器面经',
  '',
  '## Adam 的更新公式？',
  '',
  '一阶矩 m 与二阶矩 v 的指数滑动平均',
  '偏差修正后 θ ← θ − α·m̂/(√v̂+ε)',
  '',
  '## SGD with momentum',
  '',
  'v ← βv + g, θ ← θ − αv',
  '',
].join('\n');

/** A re-import of `notes` over `deckText` (the deck as the user left it), with the first import's baselines. */
function reimport(notes: string, deckText: string, baselines: NotesImportSummary['baselines'], extra: Partial<ConvertNotesInput> = {}) {
  const previousCards = parseDeck(deckText).cards.map(({ id, frontMd, backMd, tags, proofCode, proofLang }) => ({ id: id!, frontMd, backMd, tags, proofCode, proofLang }));
  return convertOk(notes, { fileName: 'optim.md', previousCards, baselines, ...extra });
}

function firstImport(notes = NOTES) {
  return convertOk(notes, { fileName: 'optim.md' });
}

const card = (parsed: ReturnType<typeof convertOk>['parsed'], id: string) => parsed.cards.find((c) => c.id === id)!;

describe('three-way merge on re-import', () => {
  it('keeps the text the user edited in the app when the notes section did not change, silently', () => {
    const first = firstImport();
    const adam = first.parsed.cards[0].id!;
    const edited = first.deckText.replace('偏差修正后 θ ← θ − α·m̂/(√v̂+ε)', '偏差修正：m̂ = m/(1−β₁ᵗ)，我自己的笔记');
    const again = reimport(NOTES, edited, first.summary.baselines);
    expect(card(again.parsed, adam).backMd).toContain('我自己的笔记');
    expect(again.summary.reimport).toMatchObject({ keptUserText: 1, conflicts: [] });
  });

  it('takes the notes text when only the notes file changed', () => {
    const first = firstImport();
    const adam = first.parsed.cards[0].id!;
    const notes = NOTES.replace('偏差修正后', '偏差修正（bias correction）后');
    const again = reimport(notes, first.deckText, first.summary.baselines);
    expect(card(again.parsed, adam).backMd).toContain('偏差修正（bias correction）后');
    expect(again.summary.reimport).toMatchObject({ edited: 1, keptUserText: 0, conflicts: [] });
  });

  it('keeps a proof the user added while taking the notes edit', () => {
    const first = firstImport();
    const adam = first.parsed.cards[0].id!;
    const withProof = first.deckText.replace(/(## Adam .*\n\n(?:.+\n)+)/, "$1\n```js proof\ncheck.true('ε > 0', 1e-8 > 0);\n```\n");
    expect(parseDeck(withProof).cards[0].proofCode).toContain('ε > 0');
    const notes = NOTES.replace('一阶矩 m', '一阶矩（均值）m');
    const again = reimport(notes, withProof, first.summary.baselines);
    expect(card(again.parsed, adam)).toMatchObject({ proofLang: 'js', proofCode: expect.stringContaining('ε > 0') });
    expect(card(again.parsed, adam).backMd).toContain('一阶矩（均值）m');
    expect(again.summary.proofsKept).toEqual([adam]);
    expect(again.summary.reimport.conflicts).toEqual([]);
  });

  describe('a card changed in the app and in the notes', () => {
    const first = firstImport();
    const adam = first.parsed.cards[0].id!;
    const mine = first.deckText.replace('偏差修正后', '我改过：偏差修正后');
    const notes = NOTES.replace('偏差修正后', '笔记改过：偏差修正后');

    it('is a conflict showing both versions; by default the user keeps theirs', () => {
      const again = reimport(notes, mine, first.summary.baselines);
      expect(again.summary.reimport.conflicts).toEqual([
        {
          cardId: adam,
          mine: { question: 'Adam 的更新公式？', answer: expect.stringContaining('我改过') },
          theirs: { question: 'Adam 的更新公式？', answer: expect.stringContaining('笔记改过') },
          choice: 'mine',
        },
      ]);
      expect(card(again.parsed, adam).backMd).toContain('我改过');
    });

    it("takes the notes' version when the user chooses it", () => {
      const again = reimport(notes, mine, first.summary.baselines, { choices: { conflicts: new Map([[adam, 'theirs']]) } });
      expect(card(again.parsed, adam).backMd).toContain('笔记改过');
      expect(again.summary.reimport.conflicts).toEqual([expect.objectContaining({ cardId: adam, choice: 'theirs' })]);
    });

    it("keeps both: the user's card stays, the notes' version is a new card", () => {
      const again = reimport(notes, mine, first.summary.baselines, { choices: { conflicts: new Map([[adam, 'both']]) } });
      expect(card(again.parsed, adam).backMd).toContain('我改过');
      const copies = again.parsed.cards.filter((c) => c.backMd.includes('笔记改过'));
      expect(copies).toHaveLength(1);
      expect(copies[0].id).not.toBe(adam);
      expect(again.parsed.cards).toHaveLength(3);
      // The next re-import of the same notes keeps both, and asks nothing.
      const next = reimport(notes, again.deckText, again.summary.baselines);
      expect(next.parsed.cards.map((c) => c.id)).toEqual(again.parsed.cards.map((c) => c.id));
      expect(next.summary.reimport).toMatchObject({ conflicts: [], removedCards: [] });
    });

    it('is no conflict when both made the same change', () => {
      const same = first.deckText.replace('偏差修正后', '笔记改过：偏差修正后');
      const again = reimport(notes, same, first.summary.baselines);
      expect(again.summary.reimport.conflicts).toEqual([]);
      expect(card(again.parsed, adam).backMd).toContain('笔记改过');
    });

    it('asks once: the notes version seen and declined is the next baseline', () => {
      const declined = reimport(notes, mine, first.summary.baselines);
      const later = reimport(notes, declined.deckText, declined.summary.baselines);
      expect(later.summary.reimport.conflicts).toEqual([]);
      expect(card(later.parsed, adam).backMd).toContain('我改过');
    });
  });

  it('compares a deck imported before baselines existed with its current text', () => {
    const first = firstImport();
    const notes = NOTES.replace('## SGD with momentum', '## SGD 动量法');
    const again = reimport(notes, first.deckText, []);
    expect(again.parsed.cards.map((c) => c.id)).toEqual(first.parsed.cards.map((c) => c.id));
    expect(again.summary.reimport).toMatchObject({ renamed: 1 });
  });
});

describe('identity with repeated headings', () => {
  const CNN = [
    '---', 'title: CNN 面经', '---', '',
    '# LeNet', '', '## 模型介绍', '', 'LeNet-5：两层卷积 + 三层全连接', '输入 32×32 灰度图', '',
    '# AlexNet', '', '## 模型介绍', '', 'AlexNet：ReLU、Dropout、两块 GPU', 'ImageNet 2012 冠军', '',
    '# VGG', '', '## 模型介绍', '', 'VGG：堆叠 3×3 卷积', '16/19 层', '',
  ].join('\n');

  it('keeps each card through a rename, names removed cards by their question, and never hands history to a neighbour', () => {
    const first = firstImport(CNN);
    const [lenet, alexnet, vgg] = first.parsed.cards.map((c) => c.id!);
    const question = (id: string) => first.parsed.cards.find((c) => c.id === id)!.frontMd;
    const notes = CNN.replace('## 模型介绍\n\nLeNet-5', '## LeNet 简介\n\nLeNet-5').replace(/# VGG[\s\S]*$/, '');
    const again = reimport(notes, first.deckText, first.summary.baselines);
    expect(again.parsed.cards.map((c) => [c.id, c.frontMd])).toEqual([[lenet, expect.stringContaining('LeNet 简介')], [alexnet, question(alexnet)]]);
    expect(again.summary.reimport.removedCards).toEqual([{ cardId: vgg, question: question(vgg) }]);
    expect(again.summary.reimport).toMatchObject({ renamed: 1, edited: 0, added: 0 });
  });

  it('makes a new card of a section with several equally good candidates, and suggests them', () => {
    // Under one parent the three 模型介绍 cards share their heading ("经典网络 · 模型介绍", then numbered (2), (3)):
    // the counter only says which came first, so only the body tells them apart.
    const sameParent = CNN.replace(/# (AlexNet|VGG)\n\n/g, '').replace('# LeNet', '# 经典网络');
    const first = firstImport(sameParent);
    const ids = first.parsed.cards.map((c) => c.id!);
    expect(first.parsed.cards.map((c) => c.frontMd)).toEqual(['经典网络 · 模型介绍', '经典网络 · 模型介绍 (2)', '经典网络 · 模型介绍 (3)']);
    // A section under 模型介绍 whose body keeps half of AlexNet's lines AND half of VGG's is not guessed.
    const notes = sameParent.replace(/## 模型介绍\n\nAlexNet[\s\S]*$/, '## 模型介绍\n\nAlexNet：ReLU、Dropout、两块 GPU\nVGG：堆叠 3×3 卷积\n');
    const again = reimport(notes, first.deckText, first.summary.baselines);
    const merged = again.parsed.cards[1];
    expect(ids).not.toContain(merged.id);
    expect(again.summary.reimport.ambiguous).toEqual([
      expect.objectContaining({ cardId: merged.id, candidates: [expect.objectContaining({ cardId: ids[1] }), expect.objectContaining({ cardId: ids[2] })] }),
    ]);
    expect(again.summary.reimport.suggestedMatches.map((m) => m.previous.cardId)).toEqual([ids[1], ids[2]]);
  });

  it('makes a new card when heading and body both changed, unless the user confirms the suggested match', () => {
    const first = firstImport(CNN);
    const vgg = first.parsed.cards[2].id!;
    const notes = CNN.replace('## 模型介绍\n\nVGG：堆叠 3×3 卷积\n16/19 层', '## VGG 结构\n\nVGG：堆叠 3×3 卷积\n感受野等价于 7×7');
    const again = reimport(notes, first.deckText, first.summary.baselines);
    expect(again.parsed.cards[2].id).not.toBe(vgg);
    expect(again.summary.reimport.suggestedMatches).toEqual([
      expect.objectContaining({ section: 2, previous: expect.objectContaining({ cardId: vgg }), reason: 'both-changed' }),
    ]);
    const confirmed = reimport(notes, first.deckText, first.summary.baselines, { choices: { matches: new Map([[2, vgg]]) } });
    expect(confirmed.parsed.cards[2]).toMatchObject({ id: vgg, frontMd: expect.stringContaining('VGG 结构') });
  });
});
