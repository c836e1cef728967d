/**
 * axe-core inside the browser journeys: every screen a journey settles on is checked, and a serious or critical
 * violation fails the journey with the rule, its impact and the offending elements. Moderate and minor findings
 * are logged, not fatal. There is no list of tolerated violations. `CASETRAIL_AXE=warn` reports
 * serious ones without failing (while a screen is being fixed); `CASETRAIL_AXE=off` skips the checks.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AxeResults, ImpactValue } from 'axe-core';

const BLOCKING: readonly ImpactValue[] = ['serious', 'critical'];

let axeSource: string | null = null;

/** Which checks run, and whether a blocking violation fails the journey. */
export function axeMode(): 'enforce' | 'warn' | 'off' {
  const value = process.env.CASETRAIL_AXE;
  return value === 'warn' || value === 'off' ? value : 'enforce';
}

/** One violation as the failure message prints it: rule, impact, what it means, then each element. */
export interface Finding {
  rule: string;
  impact: ImpactValue | null | undefined;
  help: string;
  targets: string[];
}

/** Every screen checked in this process, with its blocking findings (for a summary at the end). */
export const checkedScreens: { screen: string; blocking: Finding[]; other: Finding[] }[] = [];

/**
 * Runs axe on what the page shows now and fails with the serious/critical violations. axe is evaluated through
 * the DevTools protocol rather than a `<script>` tag, so the server's CSP (no inline script) does not stop it,
 * and the CSP stays in force for the app itself. Shadow DOM (Taro's web components) is checked, as axe does by
 * default.
 */
export async function assertAccessible(page: Page, screenName: string): Promise<void> {
  const mode = axeMode();
  if (mode === 'off') return;
  const present = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!present) {
    axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    await page.evaluate(`${axeSource}\n;undefined`);
  }
  const results = (await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  )) as AxeResults;
  const findings: Finding[] = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
  }));
  const serious = findings.filter((f) => f.impact && BLOCKING.includes(f.impact));
  const blocking = serious;
  const other = findings.filter((f) => !serious.includes(f));
  checkedScreens.push({ screen: screenName, blocking, other });

  const minor = other.length ? ` (moderate/minor: ${other.map((f) => f.rule).join(', ')})` : '';
  if (blocking.length === 0) {
    console.log(`  axe ✓ ${screenName}: no serious or critical violations${minor}`);
    return;
  }
  const report = describeFindings(blocking);
  if (mode === 'warn') {
    console.log(`  axe ✗ ${screenName} (CASETRAIL_AXE=warn, not failing):\n${report}`);
    return;
  }
  throw new Error(
    `accessibility (axe) on ${screenName}: ${blocking.length} serious or critical violation(s)\n${report}\n` +
      '(CASETRAIL_AXE=warn reports them without failing)',
  );
}

/** The findings as indented lines: `rule (impact): help` and under it each offending element's selector. */
export function describeFindings(findings: Finding[]): string {
  return findings
    .map(
      (f) =>
        `    ${f.rule} (${f.impact}): ${f.help}\n` +
        f.targets
          .slice(0, 8)
          .map((t) => `      ${t}`)
          .join('\n') +
        (f.targets.length > 8 ? `\n      … and ${f.targets.length - 8} more` : ''),
    )
    .join('\n');
}

/** Which persona's browser a page belongs to (set by harness.openBrowser), for the screen names in reports. */
export const browserNames = new WeakMap<Page, string>();

/** A screen's name in reports: the browser it is in and its route, e.g. `client-statements statement/view`. */
export function screenNameOf(page: Page): string {
  const browser = browserNames.get(page);
  return browser ? `${browser} ${routeOf(page)}` : routeOf(page);
}

/** `statement/view` from `…/#/statement/view/index?id=…`: the screen's route, without ids. */
export function routeOf(page: Page): string {
  const hash = new URL(page.url()).hash.replace(/^#\/?/, '');
  return hash.split('?')[0].replace(/\/index$/, '') || 'pages/index';
}
