// The accessibility audit every screen must pass: axe-core's WCAG 2.0/2.1 A and AA rules, failing on any serious
// or critical violation. Exported so a new screen's spec adds one `await expectNoSeriousViolations(page, 'name')`.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BLOCKING = new Set(['serious', 'critical']);

export interface Violation {
  screen: string;
  rule: string;
  impact: string;
  targets: string[];
  summary: string;
}

/** Serious and critical violations on the page as it is now, one entry per rule with every node it hit. */
export async function seriousViolations(page: Page, screen: string): Promise<Violation[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .map((violation) => ({
      screen,
      rule: violation.id,
      impact: violation.impact ?? '',
      targets: violation.nodes.map((node) => node.target.join(' ')),
      summary: violation.nodes[0]?.failureSummary?.split('\n').slice(0, 3).join(' ') ?? violation.help,
    }));
}

/** Readable lines for a failure message: rule, how many nodes, the first targets and what to fix. */
export function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => `[${v.screen}] ${v.rule} (${v.impact}, ${v.targets.length} nodes): ${v.targets.slice(0, 4).join(' | ')}\n    ${v.summary}`)
    .join('\n');
}

/** Fails the test with the list of serious/critical violations on this screen. */
export async function expectNoSeriousViolations(page: Page, screen: string): Promise<void> {
  const violations = await seriousViolations(page, screen);
  expect(violations, describeViolations(violations)).toEqual([]);
}
