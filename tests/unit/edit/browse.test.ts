// Browse: the query language and the list it selects, on a real collection.
import { afterEach, describe, expect, it } from 'vitest';
import { formatMessage, type MessageTable } from '../../../main/contract/messages';
import { ZH_CN } from '../../../main/contract/messages.zh-CN';
import { parseBrowseQuery } from '../../../main/services/browseService';
import { deckText, tempCollection, type TempCollection } from '../helpers/collection';

let c: TempCollection;
afterEach(() => c?.dispose());

describe('parseBrowseQuery', () => {
  it('splits keywords, quoted phrases and negations; reports unknown values', () => {
    const { filter, errors } = parseBrowseQuery('动量 deck:"My deck" -tag:old is:due proof:fail due:7 is:weird "two words"');
    expect(filter.text).toEqual([{ value: '动量', negate: false }, { value: 'two words', negate: false }]);
    expect(filter.decks).toEqual([{ value: 'My deck', negate: false }]);
    expect(filter.tags).toEqual([{ value: 'old', negate: true }]);
    expect(filter.states).toEqual([{ value: 'due', negate: false }]);
    expect(filter.proofs).toEqual([{ value: 'fail', negate: false }]);
    expect(filter.dueWithin).toBe(7);
    expect(errors).toEqual([{ code: 'browse.badIs', params: { value: 'weird' } }]);
  });

  it('reports each bad value as a message code, worded in the UI language with the query syntax as code', () => {
    const { filter, errors } = parseBrowseQuery('is:weird -proof:maybe due:soon 动量');
    expect(errors).toEqual([
      { code: 'browse.badIs', params: { value: 'weird' } },
      { code: 'browse.badProof', params: { value: 'maybe' } },
      { code: 'browse.badDue', params: { value: 'soon' } },
    ]);
    expect(filter.text).toEqual([{ value: '动量', negate: false }]);
    expect(errors.map((e) => formatMessage(e))).toEqual([
      '`is:weird`: use `is:new`, `is:learning`, `is:review`, `is:suspended` or `is:due`',
      '`proof:maybe`: use `proof:pass`, `proof:fail` or `proof:none`',
      '`due:soon`: use `due:N` (days from today), `due:today` or `due:overdue`',
    ]);
    expect(formatMessage(errors[0], ZH_CN as MessageTable)).toBe('`is:weird`：无法识别，请使用 `is:new`、`is:learning`、`is:review`、`is:suspended` 或 `is:due`');
  });
});

describe('browseCards', () => {
  const setup = () => tempCollection({
    user: {
      'a.md': deckText('a', [
        { id: 'm1', q: '动量法的更新公式？', a: '$v_t = \\beta v_{t-1} + g_t$', tags: ['optim'] },
        { id: 'm2', q: 'Adam bias correction?', a: 'Divide by 1-β^t (100% of the time)', tags: ['optim', 'adam'] },
      ], 'Optimizers'),
      'b.md': deckText('b', [{ id: 'l1', q: 'Cross-entropy?', a: 'Softmax then NLL.' }], 'Losses'),
    },
  });
  const ids = async (query: string, sort: 'deck' | 'question' = 'deck') =>
    (await c.app.api.browseCards({ query, sort, descending: false, offset: 0, limit: 50 })).rows.map((r) => r.id);

  it('searches text in any script, deck, tag, state and proof status', async () => {
    c = setup();
    expect(await ids('')).toEqual(['m1', 'm2', 'l1']);
    expect(await ids('动量')).toEqual(['m1']);
    expect(await ids('ADAM')).toEqual(['m2']);
    expect(await ids('100%')).toEqual(['m2']);
    expect(await ids('deck:Loss')).toEqual(['l1']);
    expect(await ids('tag:optim -tag:adam')).toEqual(['m1']);
    expect(await ids('', 'question')).toEqual(['m2', 'l1', 'm1']);
    await c.app.api.bulkEdit({ cardIds: ['l1'], action: { kind: 'suspend' } });
    expect(await ids('is:suspended')).toEqual(['l1']);
    expect(await ids('is:new')).toEqual(['m1', 'm2']);
    const card = (await c.app.api.getCard({ cardId: 'm2' })).card;
    await c.app.api.recordProofRun({ cardId: 'm2', contentHash: card.contentHash, result: { ok: false, backend: 'cpu', device: 'cpu', checks: [], ms: 1, leakedTensors: 0, error: 'x', logs: [], logsTruncated: false, tables: [], plots: [] } as never });
    expect(await ids('proof:fail')).toEqual(['m2']);
    expect(await ids('proof:none')).toEqual(['m1', 'l1']);
    const page = await c.app.api.browseCards({ query: 'tag:optim', sort: 'deck', descending: false, offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 2, offset: 1, rows: [{ id: 'm2', deckName: 'Optimizers', tags: ['optim', 'adam'], state: 'new', proof: 'fail' }] });
    expect(await c.app.api.browseIds({ query: 'tag:optim', sort: 'deck', descending: true })).toEqual(['m2', 'm1']);
  });

  it('an edited card is found by its new text at once', async () => {
    c = setup();
    await c.app.api.saveCard({ deckId: 'b', cardId: 'l1', draft: { frontMd: 'Focal loss?', backMd: 'γ', proofCode: null, proofLang: null, tags: [] }, baseContentHash: null });
    expect(await ids('focal')).toEqual(['l1']);
    expect(await ids('Cross')).toEqual([]);
  });
});
