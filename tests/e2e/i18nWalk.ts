// The zh-CN walk's checker: every piece of UI text on the page (text, aria-label, title, placeholder) must be
// Chinese. A Latin word of three or more letters fails unless it is on the allow-list below. Not checked:
// - card content and other data the UI never translates, marked `data-card-content` (questions, answers, tags, deck
//   names, ids, paths, a proof's check names and device); their text is also removed from attributes that quote it
//   ("折叠 Transformer 与 BERT");
// - code the user types or reads as code: code, pre, kbd, KaTeX, CodeMirror's text (its panels and labels are checked);
// - text that says it is in another language (`lang` not zh: a language named in itself, "English");
// - file paths quoted in messages ("/tmp/…/proofdeck.sqlite 不是 SQLite 数据库"): data, like card content;
// - selectors the caller names in `ignore`, each with its reason at the call.
// Point it at a new view with `expect(await untranslatedText(page)).toEqual([])` once the language is zh-CN.
import type { Page } from '@playwright/test';

/**
 * Names and key caps that stay as they are in Chinese UIs: the product, the libraries and algorithms it names
 * (KaTeX, SM-2, FSRS, tfjs), the proof backends and languages, file formats and encodings, and the keys printed on
 * keyboards (Ctrl, Shift, Enter, Esc, Space, Delete/Del) as shortcut hints show them.
 */
export const ALLOWED_WORDS = [
  'ProofDeck', 'KaTeX', 'FSRS', 'tfjs', 'WebGPU', 'WebGL', 'wasm', 'CPU', 'GPU', 'JavaScript', 'TypeScript',
  'Markdown', 'Typora', 'JSON', 'UTF', 'GBK', 'SQLite',
  'Ctrl', 'Shift', 'Enter', 'Esc', 'Space', 'Delete', 'Del',
];

const SKIPPED = '[data-card-content], code, pre, kbd, .katex, script, style';
/** Code shown as text: its words are skipped, but the editor's own attributes (aria-label) are UI. */
const CODE_TEXT = '.cm-content, .cm-gutters, .cm-tooltip-autocomplete';

export async function untranslatedText(page: Page, options: { ignore?: string[]; allow?: string[] } = {}): Promise<string[]> {
  const allow = [...ALLOWED_WORDS, ...(options.allow ?? [])];
  return page.evaluate(
    ({ skipped, codeText, allow }) => {
      const allowed = new Set(allow.map((word) => word.toLowerCase()));
      const content = [...document.querySelectorAll('[data-card-content]')]
        .map((element) => element.textContent?.trim() ?? '')
        .filter((text) => text.length > 0)
        .sort((a, b) => b.length - a.length);
      const otherLanguage = (element: Element) => {
        const lang = element.closest('[lang]')?.getAttribute('lang') ?? 'zh';
        return !lang.toLowerCase().startsWith('zh');
      };
      const problems: string[] = [];
      const check = (text: string, where: string) => {
        const withoutPaths = text.replace(/(?:[A-Za-z]:)?[\\/][^\s，。；：、（）“”]+/g, ' ');
        for (const word of withoutPaths.match(/[A-Za-z]{3,}/g) ?? []) {
          if (!allowed.has(word.toLowerCase())) problems.push(`${where}: "${word}" in "${text.trim().slice(0, 120)}"`);
        }
      };
      const describe = (element: Element) => {
        const id = element.getAttribute('data-testid') ?? element.id;
        return `${element.tagName.toLowerCase()}${id ? `#${id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.split(/\s+/)[0]}` : ''}`;
      };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(skipped) || parent.closest(codeText) || otherLanguage(parent)) continue;
        check(node.textContent ?? '', describe(parent));
      }
      for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (element.closest(skipped) || otherLanguage(element)) continue;
        // Observable Plot labels its own SVG parts (aria-label="tip", "x-axis tick"): structure, not words.
        if (element.closest('svg')) continue;
        for (const name of ['aria-label', 'title', 'placeholder']) {
          let value = element.getAttribute(name);
          if (!value) continue;
          for (const text of content) value = value.split(text).join(' ');
          check(value, `${describe(element)}[${name}]`);
        }
      }
      return problems;
    },
    { skipped: [SKIPPED, ...(options.ignore ?? [])].join(', '), codeText: CODE_TEXT, allow },
  );
}
