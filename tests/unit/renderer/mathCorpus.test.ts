// Issue 13: math in real notes renders as its author saw it. A messy corpus (tests/fixtures/math, made by
// generate.mjs, which counts every formula it writes) goes through the notes importer and the deck parser, and
// each card through the card renderer review and the editor preview use; ≥ 99% of formulas must render.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../renderer/src/lib/markdownHtml';
import { convertOk } from '../notes/helpers';
import { mathOfCards } from '../../../scripts/lib/mathView';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../../fixtures/math/${name}`, import.meta.url)), 'utf8');
const counts = JSON.parse(fixture('counts.json')) as Record<string, { formulas: number; left: number; right: number }>;
const files = Object.keys(counts);

/** A price as the corpus writes one (`$5`, `$2.5 每`, `$4.6M，`, `$9.99/month`), never a formula like `$10000^{2i}$`. */
const PRICE = /\$\d[\d.,]*[Mk]?(?=[\s/，。;]|[^\x00-\x7f]|$)/gm;

function renderFile(name: string) {
  const { parsed } = convertOk(fixture(name), { fileName: name });
  return mathOfCards(parsed.cards, markdownToHtml);
}

describe('the messy math corpus', () => {
  const corpus = files.map(fixture).join('\n');

  it('is big and messy enough to mean something', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(files.reduce((sum, name) => sum + counts[name].formulas, 0)).toBeGreaterThanOrEqual(300);
    // Broken pairs: a space on one side only.
    expect(files.reduce((sum, name) => sum + counts[name].left + counts[name].right, 0)).toBeGreaterThanOrEqual(20);
    const constructs = {
      spaced: /\$ [^$\n]+ \$/g,
      displayOnTextLine: /\S[^\n$]* \$\$\n/g,
      eqnarray: /\\begin\{eqnarray\*?\}/g,
      boldsymbolNoBraces: /\\boldsymbol [a-z]/g,
      bm: /\\bm\b/g,
      mbox: /\\mbox\{/g,
      rm: /\\rm\b/g,
      cal: /\\cal\b/g,
      prices: /\$\d/g,
    };
    for (const [name, pattern] of Object.entries(constructs)) expect(corpus.match(pattern)?.length ?? 0, name).toBeGreaterThanOrEqual(5);
  });

  for (const name of files) {
    it(`renders ≥ 99% of the formulas of ${name}, shows no raw $, leaves prices as text`, () => {
      const { formulas } = counts[name];
      const result = renderFile(name);
      expect(result.stray).toEqual([]);
      // More rendered formulas than written would mean a price or prose became math.
      expect(result.rendered).toBeLessThanOrEqual(formulas);
      expect(result.rendered / formulas).toBeGreaterThanOrEqual(0.99);
      expect(result.errors).toBeLessThanOrEqual(formulas - result.rendered);
      for (const price of fixture(name).match(PRICE) ?? []) expect(result.text).toContain(price);
    });
  }
});
