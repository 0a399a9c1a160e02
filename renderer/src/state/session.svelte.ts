// One review session: the card on screen, reveal state, counts, undo depth and a summary at the end.
import { MAX_ANSWER_DURATION_MS, type Api, type DeckCounts, type Quality, type SessionSummary, type StudyCard, type StudyStep } from '../../../main/contract/api';
import { BackendError } from '../lib/backend';
import { t } from '../lib/i18n';

export class ReviewSession {
  current = $state<StudyCard | null>(null);
  revealed = $state(false);
  counts = $state<DeckCounts>({ new: 0, learning: 0, review: 0 });
  undoDepth = $state(0);
  answered = $state(0);
  finished = $state(false);
  busy = $state(false);
  error = $state<string | null>(null);
  notice = $state<string | null>(null);
  summary = $state<SessionSummary | null>(null);
  /** The host's time of the session's first step: the summary counts answers from there (the host's clock, not ours). */
  private startedAt: number | null = null;
  /** When the card came on screen, by the page's clock: only ever subtracted from the page's clock (a duration). */
  private shownAt = Date.now();

  /** Cards left in the session: what the progress bar shows beside `answered`. */
  left = $derived(this.counts.new + this.counts.learning + this.counts.review);

  constructor(
    private readonly api: Api,
    readonly deckId: string | null,
    /** Several decks (a parent row of the deck tree); deckId is then null. */
    readonly deckIds?: string[],
  ) {}

  /** The decks this session covers, as every study call names them. */
  private get scope(): { deckId: string | null; deckIds?: string[] } {
    return this.deckIds ? { deckId: null, deckIds: this.deckIds } : { deckId: this.deckId };
  }

  async start(): Promise<void> {
    await this.run(() => this.api.nextCard(this.scope));
  }

  reveal(): void {
    if (this.current && !this.revealed) this.revealed = true;
  }

  async answer(quality: Quality): Promise<void> {
    const card = this.current;
    if (!card || !this.revealed || this.busy) return;
    if (!card.outcomes.some((o) => o.quality === quality)) return;
    const ok = await this.run(() =>
      this.api.answerCard({
        ...this.scope,
        cardId: card.card.id,
        quality,
        version: card.card.state.version,
        durationMs: Math.min(Date.now() - this.shownAt, MAX_ANSWER_DURATION_MS),
      }),
    );
    if (ok) this.answered++;
  }

  async undo(): Promise<void> {
    if (this.undoDepth === 0 || this.busy) return;
    const ok = await this.run(async () => {
      const step = await this.api.undoAnswer(this.scope);
      this.notice = step.undoneCardId ? t('review.undone') : t('review.nothingToUndo');
      return step;
    });
    if (ok) this.answered = Math.max(0, this.answered - 1);
  }

  private async run(call: () => Promise<StudyStep>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      this.apply(await call());
      return true;
    } catch (error) {
      if (error instanceof BackendError && error.kind === 'stale') {
        // The card changed elsewhere (another window, an edit): show it afresh rather than guess.
        this.notice = error.message;
        this.apply(await this.api.nextCard(this.scope));
      } else {
        this.error = (error as Error).message;
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  private apply(step: StudyStep): void {
    this.startedAt ??= step.now;
    this.counts = step.counts;
    this.undoDepth = step.undoDepth;
    this.current = step.next;
    this.revealed = false;
    this.shownAt = Date.now();
    if (!step.next) {
      this.finished = true;
      void this.api.sessionSummary({ since: this.startedAt }).then((s) => (this.summary = s));
    } else {
      this.finished = false;
    }
  }
}
