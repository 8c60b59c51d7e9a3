/**
 * deploy/monitoring against the code: Prometheus scrapes every deployable of the manifest, the
 * configuration and the alert rules are valid and pass their `promtool test rules` unit tests,
 * every rule and dashboard query names metrics the services serve, and Alertmanager routes every
 * alert to the receiver its team and severity call for. Needs promtool and amtool: CI installs
 * them (`.ci/run`); elsewhere the suite is skipped with the reason printed when they are missing.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createMetrics } from '@medikamente/runtime';
import { monitoringTool, monitoringToolsRun } from '@medikamente/runtime/testing';
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSubgraphManifest, REPO_ROOT } from '../src/manifest';
import { registerReleaseMetrics } from '../src/release-metrics';

const DIR = join(REPO_ROOT, 'deploy', 'monitoring');
const read = (path: string) => readFileSync(join(DIR, path), 'utf8');
const yamlFiles = (dir: string) =>
  readdirSync(join(DIR, dir))
    .filter((f) => f.endsWith('.yml'))
    .map((f) => `${dir}/${f}`);
const run = promisify(execFile);

/** Runs a tool in deploy/monitoring; resolves to its exit code and output (a failure is no throw). */
async function tool(name: 'promtool' | 'amtool', args: string[]) {
  const bin = monitoringTool(name);
  if (!bin) return { code: -1, output: `${name} is not installed` };
  try {
    const { stdout, stderr } = await run(bin, args, { cwd: DIR, timeout: 60_000 });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof err.code === 'number' ? err.code : 1,
      output: `${err.stdout ?? ''}${err.stderr ?? err.message}`,
    };
  }
}

type Rule = {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
};
const rules: Rule[] = yamlFiles('rules').flatMap((f) =>
  (parse(read(f)) as { groups: Array<{ rules: Rule[] }> }).groups.flatMap((g) => g.rules),
);

/** Every metric name the services serve: the runtime's, the gateway's release metrics, the security subgraph's. */
function servedMetricNames(): Set<string> {
  const names = new Set(['up']);
  const registry = new Registry();
  registerReleaseMetrics(registry, {
    fieldsByCategory: {},
    policyDigest: '',
    supergraphDigest: '',
    matrixCells: 0,
    findings: 0,
  });
  for (const m of [
    ...createMetrics('monitoring-test').registry.getMetricsAsArray(),
    ...registry.getMetricsAsArray(),
  ]) {
    const { name, type } = m as unknown as { name: string; type: string };
    names.add(name);
    if (type === 'histogram') for (const s of ['_bucket', '_sum', '_count']) names.add(name + s);
  }
  // The security subgraph's metric names, read from its source (the supergraph imports no subgraph).
  const security = readFileSync(
    join(REPO_ROOT, 'subgraphs/security/src/modules/monitoring/metrics.ts'),
    'utf8',
  );
  for (const [, name] of security.matchAll(/name: '([a-z_:]+)'/g)) names.add(name!);
  return names;
}

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'and',
  'or',
  'unless',
  'offset',
  'bool',
  'inf',
  'nan',
]);
/** The metric names a PromQL expression selects (strings, matchers, ranges and grouping labels left out). */
function metricsOf(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\boffset\s+\w+/g, ' ');
  return [...bare.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)]
    .filter(([, name, call]) => !call && !KEYWORDS.has(name!.toLowerCase()) && !/^\d/.test(name!))
    .map(([, name]) => name!);
}

const describeTools = monitoringToolsRun(['promtool', 'amtool'], 'deploy/monitoring')
  ? describe
  : describe.skip;

describe('deploy/monitoring: Prometheus scrapes every deployable', () => {
  const config = parse(read('prometheus.yml')) as {
    rule_files: string[];
    scrape_configs: Array<{
      job_name: string;
      static_configs: Array<{ targets: string[]; labels?: Record<string, string> }>;
    }>;
  };
  const targets = Object.fromEntries(
    config.scrape_configs.map((j) => [j.job_name, j.static_configs.flatMap((c) => c.targets)]),
  );

  it('has one job per subgraph of the manifest, on the metrics port `npm start` gives it, and the gateway on 9400', () => {
    const subgraphs = loadSubgraphManifest({ checkFiles: false });
    // METRICS_BASE_PORT + n for the manifest's n-th subgraph (scripts/dev.ts).
    const expected = Object.fromEntries([
      ['gateway', ['127.0.0.1:9400']],
      ...subgraphs.map((s, i) => [s.name, [`127.0.0.1:${9401 + i}`]]),
    ]);
    expect(targets).toEqual(expected);
  });

  it('labels no target `service` (the services label their series with it)', () => {
    for (const job of config.scrape_configs)
      for (const c of job.static_configs) expect(Object.keys(c.labels ?? {})).not.toContain('service');
  });
});

describe('deploy/monitoring: alert rules', () => {
  const served = servedMetricNames();

  it('select only metrics the services serve', () => {
    expect(rules.length).toBeGreaterThanOrEqual(10);
    for (const r of rules) {
      const names = metricsOf(r.expr);
      expect(names.length, r.alert).toBeGreaterThan(0);
      for (const n of names) expect(served, `${r.alert}: ${n}`).toContain(n);
    }
  });

  it('each has a team and a severity for routing, and Russian summary and description', () => {
    for (const r of rules) {
      expect(r.labels?.team, r.alert).toMatch(/^(security|it)$/);
      // PrivacyAlertRaised carries the severity the security subgraph gave the alert.
      if (r.alert !== 'PrivacyAlertRaised')
        expect(r.labels?.severity, r.alert).toMatch(/^(critical|warning)$/);
      expect(r.annotations?.summary, r.alert).toMatch(/[А-Яа-яЁё]/);
      expect(r.annotations?.description, r.alert).toMatch(/[А-Яа-яЁё]{4,}/);
    }
  });

  it('each is expected to fire in some promtool unit test', () => {
    type UnitTests = {
      tests: Array<{ alert_rule_test?: Array<{ alertname: string; exp_alerts?: unknown[] }> }>;
    };
    const tested = new Set(
      yamlFiles('tests').flatMap((f) =>
        (parse(read(f)) as UnitTests).tests.flatMap((t) =>
          (t.alert_rule_test ?? []).filter((a) => (a.exp_alerts ?? []).length > 0).map((a) => a.alertname),
        ),
      ),
    );
    expect([...tested].sort()).toEqual(rules.map((r) => r.alert).sort());
  });

  it('the dashboard queries only metrics the services serve, and shows what the officer and IT admin need', () => {
    type Panel = { title: string; targets?: Array<{ expr: string }> };
    const dashboard = JSON.parse(read('grafana/medikamente-security.json')) as { panels: Panel[] };
    const exprs = dashboard.panels.flatMap((p) =>
      (p.targets ?? []).map((t) => ({ panel: p.title, expr: t.expr })),
    );
    const used = new Set<string>();
    for (const { panel, expr } of exprs)
      for (const n of metricsOf(expr)) {
        expect(served, `${panel}: ${n}`).toContain(n);
        used.add(n);
      }
    for (const needed of [
      'medikamente_privacy_alerts_total',
      'medikamente_privacy_alerts_open',
      'medikamente_audit_chain_ok',
      'medikamente_audit_stream_lag_seconds',
      'medikamente_dsr_overdue',
      'medikamente_dsr_due_soon',
      'graphql_request_duration_seconds_bucket',
      'up',
    ])
      expect(used).toContain(needed);
  });
});

describeTools('deploy/monitoring: promtool and amtool', () => {
  it('has promtool and amtool (CI installs them)', () => {
    expect({ promtool: !!monitoringTool('promtool'), amtool: !!monitoringTool('amtool') }).toEqual({
      promtool: true,
      amtool: true,
    });
  });

  it('promtool check config: prometheus.yml and the rule files it loads', async () => {
    const r = await tool('promtool', ['check', 'config', 'prometheus.yml']);
    expect(r.output).toContain('SUCCESS');
    expect(r.code, r.output).toBe(0);
  });

  it('promtool check rules', async () => {
    const r = await tool('promtool', ['check', 'rules', ...yamlFiles('rules')]);
    expect(r.code, r.output).toBe(0);
  });

  it('promtool test rules: every unit test of tests/ passes', async () => {
    const files = yamlFiles('tests');
    expect(files.length).toBeGreaterThan(0);
    const r = await tool('promtool', ['test', 'rules', ...files]);
    expect(r.code, r.output).toBe(0);
    expect(r.output).not.toContain('FAILED');
  });

  it('amtool check-config: alertmanager.yml', async () => {
    const r = await tool('amtool', ['check-config', 'alertmanager.yml']);
    expect(r.code, r.output).toBe(0);
  });

  it('routes critical security alerts to the officer (e-mail and webhook), others by team', async () => {
    const receiver = (team: string, severity: string) =>
      team === 'it' ? 'it-admin' : severity === 'critical' ? 'security-officer-critical' : 'security-officer';
    const cases = [
      ...rules.map((r) => ({
        alertname: r.alert,
        team: r.labels!.team!,
        severity: r.labels?.severity ?? 'critical',
      })),
      // PrivacyAlertRaised with a lower severity, and an alert nobody labelled.
      { alertname: 'PrivacyAlertRaised', team: 'security', severity: 'warning' },
    ];
    for (const c of cases) {
      const r = await tool('amtool', [
        'config',
        'routes',
        'test',
        '--config.file=alertmanager.yml',
        `--verify.receivers=${receiver(c.team, c.severity)}`,
        `alertname=${c.alertname}`,
        `team=${c.team}`,
        `severity=${c.severity}`,
      ]);
      expect(r.code, `${c.alertname} ${c.team} ${c.severity}: ${r.output}`).toBe(0);
    }
    const route = (expected: string, ...labels: string[]) =>
      tool('amtool', [
        'config',
        'routes',
        'test',
        '--config.file=alertmanager.yml',
        `--verify.receivers=${expected}`,
        ...labels,
      ]);
    // An alert nobody labelled reaches the IT admin; a wrong expectation does fail.
    expect((await route('it-admin', 'alertname=Other')).code).toBe(0);
    expect((await route('security-officer-critical', 'team=it', 'severity=critical')).code).not.toBe(0);
    const am = parse(read('alertmanager.yml')) as {
      receivers: Array<{ name: string; email_configs?: unknown[]; webhook_configs?: unknown[] }>;
    };
    const critical = am.receivers.find((r) => r.name === 'security-officer-critical');
    expect(critical?.email_configs?.length).toBe(1);
    expect(critical?.webhook_configs?.length).toBe(1);
  });
});
