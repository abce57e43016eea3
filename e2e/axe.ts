import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** axe-core's source, evaluated in the page (the page's Content Security Policy refuses an injected <script>; evaluation through the devtools protocol is not subject to it). */
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts that fail a page: the issue asks for zero serious or critical violations. */
const FAILING = new Set(['serious', 'critical']);

/**
 * Runs axe-core in the page (WCAG 2.0–2.2 A and AA, and best practices) and
 * answers its serious and critical violations as readable lines: rule id,
 * help, and the CSS selector of each offending node.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<AxeResults> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }, resultTypes: ['violations'] });
  });
  return results.violations.filter((v: Result) => FAILING.has(v.impact ?? '')).map(describe);
}

function describe(v: Result): string {
  const targets = v.nodes.map((n) => `    ${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim()}` : ''}`);
  return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length})\n${targets.join('\n')}`;
}

/** Fails with the list of serious and critical violations of the page, named by `step`. */
export async function expectAccessible(page: Page, step: string) {
  const violations = await axeViolations(page);
  if (violations.length > 0) throw new Error(`axe: ${violations.length} serious or critical violation(s) at "${step}" (${page.url()}):\n${violations.join('\n')}`);
}
