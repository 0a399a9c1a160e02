// The preview's "Include" choice travels through the API (validated dispatch → service → converter).
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/ipc/dispatch';
import type { NotesImportPreview } from '../../../main/contract/api';
import { tempCollection, type TempCollection } from '../helpers/collection';
import { readFixture } from './helpers';

let c: TempCollection;
afterEach(() => c?.dispose());

describe('previewNotesImport with includeSections', () => {
  it('skips the reference list, marked includable, and imports it once the user includes its line', async () => {
    c = tempCollection({});
    const dispatch = createDispatcher(c.app.api);
    const text = readFixture('messy/ch10-optimization.md');
    const first = (await dispatch('previewNotesImport', { fileName: 'ch10-optimization.md', text })) as NotesImportPreview;
    const references = first.skippedHeadings.find((skipped) => skipped.heading === 'References');
    expect(references).toMatchObject({ line: 52, includable: true, reason: { code: 'notes.skipReferences' } });
    expect(first.cards.map((card) => card.question)).not.toContain('References');

    const second = (await dispatch('previewNotesImport', { fileName: 'ch10-optimization.md', text, includeSections: [52] })) as NotesImportPreview;
    expect(second.cards.map((card) => card.question)).toContain('References');
    expect(second.skippedHeadings.map((skipped) => skipped.heading)).not.toContain('References');
    expect(second.cardCount).toBe(first.cardCount + 1);
  });
});
