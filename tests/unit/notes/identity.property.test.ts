// Card identity across re-import (issue 14), property-based: notes with repeated titles (模型介绍 under LeNet,
// AlexNet, VGG…) are imported, edited by a random script — rename, body edit keeping at least half of its lines,
// move, insert, delete, duplicate — and imported again through the real converter. On every run: no card's history
// goes to a section that is not a descendant of that card, and a section changed in only one way keeps its id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../../main/core/deck';
import { convertNotes, type NotesImportSummary } from '../../../main/core/notes';

const PARENTS = ['LeNet', 'AlexNet', 'VGG', 'ResNet'];
const TITLES = ['模型介绍', '特点', '参数量', 'Overview', '优缺点', 'Training tricks'];
const PHRASES = ['使用 5×5 卷积核', 'ReLU 代替 sigmoid', 'uses dropout 0.5', '参数量约 60M', 'stacked 3×3 conv', '残差连接 skip connection'];

interface Section {
  /** The initial section this one descends from (null: inserted), and how many ways it was changed since. */
  origin: number | null;
  changes: number;
  parent: number;
  title: string;
  body: string[];
}

/** Every body line is unique to its section (a counter), like real notes' sentences about different models. */
let lineCounter = 0;
const freshLine = (pick: number) => `${PHRASES[pick % PHRASES.length]}（第 ${++lineCounter} 条）`;

type Op =
  | { kind: 'rename'; at: number; title: number }
  | { kind: 'edit'; at: number; keep: number; add: number }
  | { kind: 'move'; at: number; to: number; parent: number }
  | { kind: 'insert'; to: number; parent: number; title: number; lines: number }
  | { kind: 'delete'; at: number }
  | { kind: 'duplicate'; at: number; to: number; title: number };

const index = fc.nat(1000);
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('rename' as const), at: index, title: fc.nat(TITLES.length) }),
  fc.record({ kind: fc.constant('edit' as const), at: index, keep: fc.nat(1000), add: fc.nat(2) }),
  fc.record({ kind: fc.constant('move' as const), at: index, to: index, parent: fc.nat(PARENTS.length - 1) }),
  fc.record({ kind: fc.constant('insert' as const), to: index, parent: fc.nat(PARENTS.length - 1), title: fc.nat(TITLES.length - 1), lines: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: index }),
  fc.record({ kind: fc.constant('duplicate' as const), at: index, to: index, title: fc.nat(TITLES.length) }),
);
const initialArb = fc.array(
  fc.record({ parent: fc.nat(PARENTS.length - 1), title: fc.nat(TITLES.length - 1), lines: fc.integer({ min: 1, max: 4 }) }),
  { minLength: 1, maxLength: 10 },
);

/** A title other than `current`: one of the repeated ones, or (index = TITLES.length) a new one. */
function otherTitle(current: string, pick: number): string {
  const wanted = pick < TITLES.length ? TITLES[pick] : `新标题 ${++lineCounter}`;
  return wanted === current ? `${current} (renamed ${++lineCounter})` : wanted;
}

function apply(sections: Section[], op: Op): void {
  const at = sections.length ? ('at' in op ? op.at % sections.length : 0) : -1;
  const to = (n: number) => n % (sections.length + 1);
  const target = sections[at];
  switch (op.kind) {
    case 'rename':
      if (!target) return;
      target.title = otherTitle(target.title, op.title);
      target.changes++;
      return;
    case 'edit': {
      if (!target) return;
      // Keep at least half of the lines (rounded up), in order, then maybe add some; the body must change.
      const keepCount = Math.ceil(target.body.length / 2) + (op.keep % (Math.floor(target.body.length / 2) + 1));
      const dropFrom = op.keep % target.body.length;
      const kept = [...target.body.slice(dropFrom), ...target.body.slice(0, dropFrom)].slice(0, keepCount);
      const added = Array.from({ length: op.add }, (_, i) => freshLine(op.keep + i));
      const body = target.body.filter((line) => kept.includes(line)).concat(added);
      if (body.length === target.body.length && added.length === 0) body.push(freshLine(op.keep));
      target.body = body;
      target.changes++;
      return;
    }
    case 'move': {
      if (!target) return;
      sections.splice(at, 1);
      sections.splice(op.to % (sections.length + 1), 0, { ...target, parent: op.parent, changes: target.changes + 1 });
      return;
    }
    case 'insert':
      sections.splice(to(op.to), 0, {
        origin: null, changes: 0, parent: op.parent, title: TITLES[op.title], body: Array.from({ length: op.lines }, (_, i) => freshLine(op.title + i)),
      });
      return;
    case 'delete':
      if (target) sections.splice(at, 1);
      return;
    case 'duplicate':
      // A pasted copy is edited so that it is not identical: here renamed. It descends from the same card.
      if (target) sections.splice(to(op.to), 0, { ...target, body: [...target.body], title: otherTitle(target.title, op.title), changes: target.changes + 1 });
      return;
  }
}

/** The notes file: every parent as a chapter, its sections in list order. */
function render(sections: readonly Section[]): { text: string; order: Section[]; atLine: Map<number, Section> } {
  const order = PARENTS.flatMap((_, parent) => sections.filter((section) => section.parent === parent));
  const lines = ['---', 'title: CNN 面经', '---', ''];
  const atLine = new Map<number, Section>();
  PARENTS.forEach((name, parent) => {
    lines.push(`# ${name}`, '');
    for (const section of order.filter((s) => s.parent === parent)) {
      atLine.set(lines.length + 1, section);
      lines.push(`## ${section.title}`, '', ...section.body, '');
    }
  });
  return { text: lines.join('\n'), order, atLine };
}

/** Each card's id by the section it came from (found by its heading's line). */
function idsBySection(rendered: ReturnType<typeof render>, summary: NotesImportSummary): Map<Section, string> {
  return new Map(summary.cards.map((card) => [rendered.atLine.get(card.line)!, card.id]));
}

function importNotes(text: string, previous?: { deckText: string; summary: NotesImportSummary }) {
  const previousCards = previous
    ? parseDeck(previous.deckText).cards.map(({ id, frontMd, backMd, tags, proofCode, proofLang }) => ({ id: id!, frontMd, backMd, tags, proofCode, proofLang }))
    : [];
  const result = convertNotes({ text, fileName: 'cnn.md', previousCards, baselines: previous?.summary.baselines ?? [] });
  if (!result.ok) throw new Error(`conversion failed: ${JSON.stringify(result.error)}`);
  return result;
}

/** Removes later sections identical (heading and body) to an earlier one: the generator's promise. */
function distinct(sections: Section[]): Section[] {
  const seen = new Set<string>();
  return sections.filter((section) => {
    const key = `${section.title}\n${section.body.join('\n')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

describe('card identity across re-import (property)', () => {
  it('never moves history to another section, and keeps the id of every section changed in only one way', () => {
    fc.assert(
      fc.property(initialArb, fc.array(opArb, { maxLength: 8 }), (initialSpec, ops) => {
        const initial: Section[] = initialSpec.map((spec, origin) => ({
          origin, changes: 0, parent: spec.parent, title: TITLES[spec.title], body: Array.from({ length: spec.lines }, (_, i) => freshLine(spec.title + i)),
        }));
        const first = render(initial);
        const firstImport = importNotes(first.text);
        const idOfOrigin = new Map([...idsBySection(first, firstImport.summary)].map(([section, id]) => [section.origin!, id]));
        const originOfId = new Map([...idOfOrigin].map(([origin, id]) => [id, origin]));

        const edited = initial.map((section) => ({ ...section, body: [...section.body] }));
        for (const op of ops) apply(edited, op);
        const final = render(distinct(edited));
        if (final.order.length === 0) return; // every section deleted: nothing to import
        const second = importNotes(final.text, firstImport);
        const idOf = idsBySection(final, second.summary);
        expect(idOf.size).toBe(second.summary.cards.length);

        final.order.forEach((section) => {
          const id = idOf.get(section);
          if (id === undefined) return; // not a card (the converter skipped it): nothing to keep
          const from = originOfId.get(id);
          // History only ever stays with a descendant of its card.
          if (from !== undefined) expect({ section: section.title, origin: section.origin }).toEqual({ section: section.title, origin: from });
          if (section.origin === null || section.changes > 1 || !idOfOrigin.has(section.origin)) return;
          const kin = final.order.filter((other) => other.origin === section.origin);
          // A copy of the same card is an equally good candidate: only the unchanged one, or a lone one, must keep it.
          if (kin.length === 1 || section.changes === 0) expect({ section: section.title, id }).toEqual({ section: section.title, id: idOfOrigin.get(section.origin) });
        });
      }),
      { numRuns: 300 },
    );
  });
});
