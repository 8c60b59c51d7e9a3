import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type Impact = 'critical' | 'serious' | 'moderate' | 'minor';
export type AxeRow = {
  app: 'portal' | 'reception';
  page: string;
  state: string;
  /** The report section the row belongs to (`writeAxeSection`); the main table when unset. */
  section?: string;
} & Record<Impact, number> & {
    rules: string[];
  };

const rows: AxeRow[] = [];

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) on the page as it is now and records the
 * count of violations by impact. Returns the critical and serious ones as readable lines.
 */
export async function axe(page: Page, where: Omit<AxeRow, Impact | 'rules'>): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const row: AxeRow = { ...where, critical: 0, serious: 0, moderate: 0, minor: 0, rules: [] };
  const blocking: string[] = [];
  for (const v of result.violations) {
    const impact = (v.impact ?? 'minor') as Impact;
    row[impact] += v.nodes.length;
    row.rules.push(`${v.id} (${impact})`);
    if (impact === 'critical' || impact === 'serious')
      for (const n of v.nodes)
        blocking.push(`${where.page} [${where.state}] ${v.id}: ${n.target.join(' ')} — ${n.failureSummary}`);
  }
  rows.push(row);
  return blocking;
}

/** The rows of a section (`undefined`: the main table's). */
const rowsOf = (section: string | undefined) => rows.filter((r) => r.section === section);

/** The counts as a Markdown table (docs/accessibility.md is written from it). */
export function axeTable(section?: string): string {
  const head =
    '| app | page | state | critical | serious | moderate | minor | rules with findings |\n|---|---|---|---|---|---|---|---|';
  const body = rowsOf(section).map(
    (r) =>
      `| ${r.app} | \`${r.page}\` | ${r.state} | ${r.critical} | ${r.serious} | ${r.moderate} | ${r.minor} | ${r.rules.join(', ') || '—'} |`,
  );
  return [head, ...body].join('\n');
}

const SECTION = /<!-- section:([a-z-]+) -->[\s\S]*?<!-- \/section:\1 -->/g;

/** The sections other suites wrote into the report (kept when the main table is rewritten). */
const sectionsOf = (file: URL): string[] =>
  existsSync(file) ? [...readFileSync(file, 'utf8').matchAll(SECTION)].map((m) => m[0]) : [];

/**
 * Writes (or replaces) one section of docs/accessibility.md when A11Y_REPORT=1: the page states
 * axe recorded with that `section`, in a table of their own, between markers the main report keeps.
 */
export function writeAxeSection(file: URL, name: string, title: string, intro: string): void {
  if (process.env.A11Y_REPORT !== '1') return;
  const mine = rowsOf(name);
  const total = mine.reduce((n, r) => n + r.critical + r.serious, 0);
  const section = `<!-- section:${name} -->\n## ${title}\n\n${intro}\n\nCritical + serious in total: **${total}** over ${mine.length} page states.\n\n${axeTable(name)}\n<!-- /section:${name} -->`;
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Accessibility\n';
  const marker = new RegExp(`<!-- section:${name} -->[\\s\\S]*?<!-- /section:${name} -->`);
  writeFileSync(
    file,
    marker.test(text) ? text.replace(marker, () => section) : `${text.trimEnd()}\n\n${section}\n`,
  );
}

/** Writes docs/accessibility.md when A11Y_REPORT=1 (kept out of normal runs). */
export function writeAxeReport(file: URL, axeVersion: string): void {
  if (process.env.A11Y_REPORT !== '1') return;
  const kept = sectionsOf(file);
  const main = rowsOf(undefined);
  const total = main.reduce((n, r) => n + r.critical + r.serious, 0);
  writeFileSync(
    file,
    `# Accessibility

Measured with axe-core ${axeVersion} (\`@axe-core/playwright\`, rules tagged WCAG 2.0/2.1 A and AA
plus best practices) in Chromium, on every page of the patient portal and the staff app (reception's
pages and the doctor's workplace), in their main states: empty, loaded, error, and with dialogs or
confirmation steps open. The
end-to-end suite fails on any **critical** or **serious** violation; moderate and minor findings
are listed here to be worked off.

Regenerate this page (and run the checks):

\`\`\`bash
A11Y_REPORT=1 npx vitest run --project e2e first-contact
\`\`\`

Keyboard only: the same suite books an appointment in the portal and checks a patient in at
reception with the keyboard alone (Tab, Shift+Tab, Enter, Space, typing), no mouse. The doctor's
ICD-10 search is a combobox: typing filters, the arrow keys move through the codes, Enter adds one
(the journey adds the primary diagnosis that way); the break-glass dialog is a modal that keeps
the focus inside.

Critical + serious in total: **${total}** over ${main.length} page states.

${axeTable()}
${kept.map((k) => `\n${k}\n`).join('')}`,
  );
}
