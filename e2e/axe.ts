// axe-core in the browser tests (issue 21, item 10). @axe-core/playwright needs Node 22, so axe
// itself is injected into the page and run there; what it finds comes back as plain data.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { ImpactValue, Result } from 'axe-core';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

/** WCAG 2.1 A and AA, and axe's best practices: the rules the audit ran. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

export interface AxeViolation {
  id: string;
  impact: ImpactValue | undefined;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Runs axe on the whole document as it is now; returns every violation, worst first. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: the app's Content-Security-Policy (script-src 'self')
  // rightly refuses inline scripts, and the devtools protocol's evaluation is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) {
    axeSource ??= readFileSync(AXE_PATH, 'utf8');
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const res = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return res.violations.map((v: Result) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' >> '),
        html: n.html.slice(0, 200),
        summary: n.failureSummary ?? '',
      })),
    }));
  }, TAGS);
  const rank: Record<string, number> = { critical: 0, serious: 1, moderate: 2, minor: 3 };
  return violations.sort((a, b) => (rank[a.impact ?? ''] ?? 4) - (rank[b.impact ?? ''] ?? 4));
}

/** The violations a page must not have: critical and serious ones. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  return (await axeViolations(page)).filter((v) => v.impact === 'critical' || v.impact === 'serious');
}

/** A readable report: rule, impact, what it means, and each offending element with the fix axe suggests. */
export function formatViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target}\n      ${n.html}\n      ${n.summary.replaceAll('\n', '\n      ')}`)
        .join('\n');
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element(s)) ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}
