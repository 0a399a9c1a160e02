// Browse: one searchable list of every card (query language in browseQuery.ts, the in-memory index in
// browseIndex.ts). The index follows the database: the storage layer notes which cards changed since it last
// looked, and the index patches those entries instead of reading 100,000 rows again.
import type { BrowsePage, BrowseRow, BrowseSort } from '../contract/api';
import type { Db } from '../storage/database';
import { changeCounter, readBrowseSource, takeBrowseChanges, trackBrowseChanges } from '../storage/browseStore';
import { BrowseIndex, type Entry } from './browseIndex';
import { parseBrowseQuery } from './browseQuery';

export { parseBrowseQuery, type BrowseFilter, type BrowseTerm } from './browseQuery';

function stateOf(entry: Entry, today: number): BrowseRow['state'] {
  return entry.drillDay === today && entry.queue !== 'suspended' ? 'learning' : entry.queue;
}

export function createBrowseService(db: () => Db, today: () => number) {
  let state: { db: Db; counter: number; index: BrowseIndex } | null = null;
  /** How the index was brought up to date (tests and benchmarks check that patching is what happens). */
  const stats = { fullReads: 0, patches: 0 };

  /** The index, brought up to date: built on first use (or for a new database file), else patched. */
  function current(): BrowseIndex {
    const handle = db();
    if (state?.db !== handle) {
      trackBrowseChanges(handle);
      takeBrowseChanges(handle); // what was noted before this full read is in it
      state = { db: handle, index: new BrowseIndex(readBrowseSource(handle)), counter: 0 };
      stats.fullReads++;
    } else if (changeCounter(handle) !== state.counter) {
      const { everything, cardIds } = takeBrowseChanges(handle);
      const patched = !everything && state.index.patch(cardIds, cardIds.length > 0 ? readBrowseSource(handle, cardIds) : []);
      if (patched) stats.patches++;
      else {
        state.index = new BrowseIndex(readBrowseSource(handle));
        stats.fullReads++;
      }
    }
    state.counter = changeCounter(handle);
    return state.index;
  }

  function select(arg: { query: string; sort: BrowseSort; descending: boolean }) {
    const index = current();
    const day = today();
    const { filter, errors } = parseBrowseQuery(arg.query);
    return { rows: index.select(filter, arg.sort, arg.descending, day), index, errors, day };
  }

  return {
    stats: () => ({ ...stats }),
    page(arg: { query: string; sort: BrowseSort; descending: boolean; offset: number; limit: number }): BrowsePage {
      const started = performance.now();
      const { rows, index, errors, day } = select(arg);
      const page = Array.from(rows.subarray(arg.offset, arg.offset + arg.limit), (at): BrowseRow => {
        const e = index.entry(at);
        return { id: e.id, deckId: e.deckId, deckName: e.deckName, question: e.question, tags: e.tags, state: stateOf(e, day), dueDay: e.dueDay, proof: e.proof };
      });
      return { total: rows.length, offset: arg.offset, rows: page, queryErrors: errors, ms: performance.now() - started };
    },
    ids(arg: { query: string; sort: BrowseSort; descending: boolean }): string[] {
      const { rows, index } = select(arg);
      return Array.from(rows, (at) => index.entry(at).id);
    },
  };
}
