// One card being edited: the card loaded into draft fields, what changed since the last save, saving (validated
// in the main process first: an invalid card is not written and the fields keep every character), the errors per
// field, running the proof, pasted images, duplicate and delete. CardEditor.svelte is only its layout.
import { words } from '../lib/words';
import { t } from '../lib/i18n';
import type { Api, CardSaveError, SaveCardResult } from '../../../main/contract/api';
import type { CodeBlock, CodingParts, ProofLang } from '../../../main/contract/deck';
import { base64Of, draftOf, insertImageLinks } from '../lib/cardDraft';
import type { NoticeMessage } from '../lib/notice';

export type ImageField = 'front' | 'back';

/** One press of Run: the panel is recreated for each, so the same code can be run again. */
export interface ProofRun {
  id: number;
  code: string;
  lang: ProofLang;
  /** A coding card's proof runs on its solution (as deck:check does): the test of the test. */
  subject?: CodeBlock;
}

export interface EditorOptions {
  /** null: a new card. */
  cardId: string | null;
  /** The deck a new card goes to ('' when there is no deck yet). */
  deckId: string;
  /** Leaves the editor, with a message for the screen it goes back to. */
  onClose: (message?: string) => void;
  /** Asks the user a yes/no question (window.confirm unless given). */
  confirm?: (question: string) => boolean;
}

export class EditorState {
  cardId = $state<string | null>(null);
  deckId = $state('');
  frontMd = $state('');
  backMd = $state('');
  tagsText = $state('');
  proofCode = $state('');
  proofLang = $state<ProofLang>('js');
  /** A coding card's starter and solution, edited in their own code editors and saved back with the card. */
  code = $state<CodingParts | null>(null);
  /** The deck file the card lives in ('' until known). */
  sourcePath = $state('');
  builtIn = $state(false);
  /** False while an existing card is read: the fields are read-only until then. */
  loaded = $state(false);
  saving = $state(false);
  errors = $state<CardSaveError[]>([]);
  notice = $state<NoticeMessage | null>(null);
  run = $state<ProofRun | null>(null);

  /** The draft as last read or saved, to tell what changed. */
  private savedSnapshot = $state('');
  draft = $derived(draftOf(this));
  /** Unsaved changes: leaving asks first. */
  dirty = $derived(this.loaded && JSON.stringify(this.draft) !== this.savedSnapshot);
  canRun = $derived(this.proofCode.trim() !== '');

  /** The text the card had when read or saved: a save is refused if the file changed since (an outside edit). */
  private baseContentHash: string | null = null;
  private runCounter = 0;
  private readonly onClose: (message?: string) => void;
  private readonly confirm: (question: string) => boolean;

  constructor(
    private readonly api: Api,
    options: EditorOptions,
  ) {
    this.cardId = options.cardId;
    this.deckId = options.deckId;
    this.loaded = options.cardId === null;
    this.onClose = options.onClose;
    this.confirm = options.confirm ?? ((question) => window.confirm(question));
  }

  fieldErrors(field: CardSaveError['field']): CardSaveError[] {
    return this.errors.filter((e) => e.field === field);
  }

  /** Reads the card into the fields (a new card starts empty). */
  async load(): Promise<void> {
    if (this.cardId === null) return this.markSaved();
    try {
      const editable = await this.api.getCard({ cardId: this.cardId });
      const card = editable.card;
      this.deckId = card.deckId;
      this.frontMd = card.frontMd;
      this.backMd = card.backMd;
      this.tagsText = card.tags.join(' ');
      this.proofCode = card.proofCode ?? '';
      this.proofLang = card.proofLang ?? 'js';
      this.code = card.code ?? null;
      this.baseContentHash = card.contentHash;
      this.sourcePath = editable.sourcePath;
      this.builtIn = editable.builtIn;
      this.loaded = true;
      this.markSaved();
    } catch (error) {
      this.fail(error);
    }
  }

  async save(): Promise<void> {
    if (this.saving || !this.loaded) return;
    if (!this.deckId) {
      this.notice = { kind: 'error', text: t('editor.noDeck') };
      return;
    }
    this.saving = true;
    this.notice = null;
    try {
      const result = await this.api.saveCard({ deckId: this.deckId, cardId: this.cardId, draft: this.draft, baseContentHash: this.baseContentHash });
      if (result.ok) this.saved(result);
      else {
        this.errors = result.errors;
        this.notice = { kind: 'error', text: t('editor.notSaved') };
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.saving = false;
    }
  }

  runProof(): void {
    if (!this.canRun) return;
    const subject = this.code ? { ...this.code.solution } : undefined;
    this.run = { id: ++this.runCounter, code: this.proofCode, lang: this.proofLang, ...(subject ? { subject } : {}) };
  }

  /** Back to the previous screen, asking first when there are unsaved changes. */
  close(): void {
    if (this.dirty && !this.confirm(t('editor.discard'))) return;
    this.onClose();
  }

  async remove(): Promise<void> {
    if (this.cardId === null) return this.close();
    if (!this.confirm(t('editor.confirmDelete'))) return;
    try {
      const outcome = await this.api.deleteCards({ cardIds: [this.cardId] });
      this.onClose(words(outcome.message));
    } catch (error) {
      this.fail(error);
    }
  }

  async duplicate(): Promise<void> {
    if (this.cardId === null) return;
    try {
      const outcome = await this.api.duplicateCard({ cardId: this.cardId });
      this.notice = { kind: 'success', text: t('editor.stillEditing', { done: words(outcome.message), id: this.cardId ?? '' }) };
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Saves pasted or dropped images beside the deck file and links them in place of the selection [at, end) of
   * the question or answer. Returns where the caret goes, or null when nothing was added.
   */
  async addImages(field: ImageField, files: readonly File[], at: number, end: number): Promise<number | null> {
    try {
      if (!this.deckId) throw new Error(t('editor.chooseDeckFirst'));
      const links: string[] = [];
      for (const file of files) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const saved = await this.api.addCardImage({ deckId: this.deckId, fileName: file.name || 'pasted.png', base64: base64Of(bytes) });
        links.push(saved.markdown);
      }
      const { value, caret } = insertImageLinks(field === 'front' ? this.frontMd : this.backMd, at, end, links);
      if (field === 'front') this.frontMd = value;
      else this.backMd = value;
      this.notice = { kind: 'success', text: t('editor.imagesAdded', { count: links.length }) };
      return caret;
    } catch (error) {
      this.fail(error);
      return null;
    }
  }

  private saved(result: Extract<SaveCardResult, { ok: true }>): void {
    this.errors = [];
    this.cardId = result.cardId;
    this.baseContentHash = result.contentHash;
    this.sourcePath = result.sourcePath;
    this.builtIn = false;
    this.markSaved();
    this.notice = {
      kind: 'success',
      text: result.forkedFrom ? t('editor.savedForked', { path: result.sourcePath }) : t('editor.savedTo', { path: result.sourcePath }),
    };
  }

  private markSaved(): void {
    this.savedSnapshot = JSON.stringify(this.draft);
  }

  private fail(error: unknown): void {
    this.notice = { kind: 'error', text: (error as Error).message };
  }
}
