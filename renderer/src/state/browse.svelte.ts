// The browse list's state: the query, sort, total and the pages fetched so far (the list is virtualized, so only
// the pages around what is on screen are asked for), the cursor and the selection. A newer query wins: replies
// to older ones are dropped.
import { SvelteSet } from 'svelte/reactivity';
import type { Api, BrowseQueryError, BrowseRow, BrowseSort } from '../../../main/contract/api';

export const PAGE_SIZE = 100;

export class BrowseState {
  query = $state('');
  sort = $state<BrowseSort>('deck');
  descending = $state(false);
  total = $state(0);
  pages = $state<Record<number, BrowseRow[]>>({});
  queryErrors = $state<BrowseQueryError[]>([]);
  ms = $state(0);
  cursor = $state(0);
  selected = new SvelteSet<string>();
  error = $state<string | null>(null);
  /** False until the first answer: opening browse on a big collection reads every card once (about 2 s at 100,000). */
  loaded = $state(false);
  /** The latest refresh: Enter waits for it, so it never opens a row of an older query's results. */
  settled: Promise<void> = Promise.resolve();
  private generation = 0;
  private pending = new Set<number>();

  constructor(private readonly api: Api) {}

  rowAt(index: number): BrowseRow | undefined {
    return this.pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
  }

  /** Re-runs the query from the top (typing, sorting, after an edit). */
  refresh(keepCursor = false): Promise<void> {
    this.settled = this.load(keepCursor);
    return this.settled;
  }

  private async load(keepCursor: boolean): Promise<void> {
    const generation = ++this.generation;
    this.pending.clear();
    try {
      const page = await this.api.browseCards({ query: this.query, sort: this.sort, descending: this.descending, offset: 0, limit: PAGE_SIZE });
      if (generation !== this.generation) return;
      this.total = page.total;
      this.pages = { 0: page.rows };
      this.queryErrors = page.queryErrors;
      this.ms = page.ms;
      this.error = null;
      this.loaded = true;
      if (!keepCursor || this.cursor >= page.total) this.cursor = 0;
    } catch (error) {
      if (generation === this.generation) this.error = (error as Error).message;
    }
  }

  /** Fetches the pages covering rows [from, to) that are not there yet. */
  async ensure(from: number, to: number): Promise<void> {
    const generation = this.generation;
    const first = Math.max(0, Math.floor(from / PAGE_SIZE));
    const last = Math.floor(Math.max(from, to - 1) / PAGE_SIZE);
    for (let index = first; index <= last; index++) {
      if (this.pages[index] || this.pending.has(index) || index * PAGE_SIZE >= this.total) continue;
      this.pending.add(index);
      void this.api.browseCards({ query: this.query, sort: this.sort, descending: this.descending, offset: index * PAGE_SIZE, limit: PAGE_SIZE })
        .then((page) => {
          if (generation !== this.generation) return;
          this.pages = { ...this.pages, [index]: page.rows };
        })
        .catch((error: Error) => (this.error = error.message))
        .finally(() => this.pending.delete(index));
    }
  }

  toggle(id: string): void {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
  }

  async selectAll(): Promise<void> {
    const ids = await this.api.browseIds({ query: this.query, sort: this.sort, descending: this.descending });
    this.selected.clear();
    for (const id of ids) this.selected.add(id);
  }
}
