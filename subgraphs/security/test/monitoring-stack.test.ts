/**
 * The monitoring stack end to end, with the real binaries: the security subgraph's metrics (its
 * real `createSecurityMetrics()`), scraped by Prometheus with deploy/monitoring's rules, alerts
 * sent to Alertmanager with deploy/monitoring's routes, delivered to a webhook. Everything on
 * 127.0.0.1 on free ports, in temporary folders; the deployed configurations are taken as they are
 * and only their addresses, intervals and receivers' destinations replaced.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitoringTool, monitoringToolsRun } from '@medikamente/runtime/testing';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createSecurityMetrics } from '../src/modules/monitoring/metrics';

const MONITORING = fileURLToPath(new URL('../../../deploy/monitoring/', import.meta.url));
const WAIT_MS = 90_000;

type Webhook = {
  receiver: string;
  status: string;
  alerts: Array<{ status: string; labels: Record<string, string>; annotations: Record<string, string> }>;
};

/** An HTTP server on a free port of 127.0.0.1. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as AddressInfo).port };
}

/** A port that was free a moment ago (for the binaries, which take no port 0). */
async function freePort(): Promise<number> {
  const { server, port } = await serve(() => {});
  await new Promise((r) => server.close(r));
  return port;
}

/** Polls until `check` returns a value, within WAIT_MS; the error names what never came. */
async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

const run = monitoringToolsRun(['prometheus', 'prometheus-alertmanager'], 'monitoring stack')
  ? describe
  : describe.skip;

run('monitoring stack: security metrics → Prometheus rules → Alertmanager → webhook', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mk-monitoring-'));
  const processes: ChildProcess[] = [];
  const servers: Server[] = [];
  const logs: Record<string, string> = { prometheus: '', alertmanager: '' };
  const received: Webhook[] = [];
  let prometheusUrl = '';

  function start(name: 'prometheus' | 'alertmanager', bin: string | null, args: string[]) {
    if (!bin)
      throw new Error(`${name} is not installed (apt-get install prometheus prometheus-alertmanager)`);
    const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (d) => {
      logs[name] += d;
    });
    child.stderr!.on('data', (d) => {
      logs[name] += d;
    });
    processes.push(child);
    return child;
  }

  beforeAll(
    async () => {
      // The security subgraph's real metrics, served like the kit serves them (registry label service).
      const metrics = createSecurityMetrics();
      const registry = new Registry();
      registry.setDefaultLabels({ service: 'security' });
      for (const m of metrics.all) registry.registerMetric(m);
      metrics.alertRaised('breakGlass', 'critical');
      metrics.alertRaised('afterHoursAccess', 'warning');
      metrics.setOpenAlerts({ critical: 1 });
      metrics.setChainOk('record', true);
      metrics.setStreamLag('record', 5);
      metrics.setRequests(0, 0);
      const target = await serve(async (req, res) => {
        if (req.url !== '/metrics') return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': registry.contentType }).end(await registry.metrics());
      });
      // The receiving end of every receiver: records what Alertmanager delivers.
      const webhook = await serve((req, res) => {
        let body = '';
        req.on('data', (d) => {
          body += d;
        });
        req.on('end', () => {
          received.push(JSON.parse(body) as Webhook);
          res.writeHead(200).end();
        });
      });
      servers.push(target.server, webhook.server);

      const [promPort, amPort] = [await freePort(), await freePort()];
      // deploy/monitoring/alertmanager.yml with its routes as they are; every receiver posts to the
      // test's webhook instead of mail and the incident system (no SMTP here, no secret files).
      const am = parse(readFileSync(join(MONITORING, 'alertmanager.yml'), 'utf8'));
      delete am.global;
      am.receivers = am.receivers.map((r: { name: string }) => ({
        name: r.name,
        webhook_configs: [{ url: `http://127.0.0.1:${webhook.port}/${r.name}`, send_resolved: false }],
      }));
      writeFileSync(join(dir, 'alertmanager.yml'), stringify(am));
      // deploy/monitoring/prometheus.yml with its rule files; one-second intervals, the test's target
      // in the security job, the test's Alertmanager.
      const prom = parse(readFileSync(join(MONITORING, 'prometheus.yml'), 'utf8'));
      prom.global = { ...prom.global, scrape_interval: '1s', evaluation_interval: '1s' };
      prom.rule_files = prom.rule_files.map((f: string) => join(MONITORING, f));
      prom.alerting.alertmanagers = [{ static_configs: [{ targets: [`127.0.0.1:${amPort}`] }] }];
      prom.scrape_configs = prom.scrape_configs
        .filter((j: { job_name: string }) => j.job_name === 'security')
        .map((j: object) => ({ ...j, static_configs: [{ targets: [`127.0.0.1:${target.port}`] }] }));
      expect(prom.scrape_configs).toHaveLength(1);
      writeFileSync(join(dir, 'prometheus.yml'), stringify(prom));

      start('alertmanager', monitoringTool('prometheus-alertmanager'), [
        `--config.file=${join(dir, 'alertmanager.yml')}`,
        `--storage.path=${join(dir, 'am-data')}`,
        `--web.listen-address=127.0.0.1:${amPort}`,
        '--cluster.listen-address=',
        '--log.level=warn',
      ]);
      start('prometheus', monitoringTool('prometheus'), [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'prom-data')}`,
        `--web.listen-address=127.0.0.1:${promPort}`,
        '--log.level=warn',
      ]);
      prometheusUrl = `http://127.0.0.1:${promPort}`;
      const ready = (url: string) => async () =>
        (await fetch(url)
          .then((r) => r.ok)
          .catch(() => false)) || undefined;
      await eventually(
        `Alertmanager ready\n${logs.alertmanager}`,
        ready(`http://127.0.0.1:${amPort}/-/ready`),
      );
      await eventually(`Prometheus ready\n${logs.prometheus}`, ready(`${prometheusUrl}/-/ready`));
    },
    WAIT_MS * 2 + 10_000,
  );

  afterAll(async () => {
    await Promise.all(
      processes.map(
        (p) =>
          new Promise<void>((resolve) => {
            if (p.exitCode !== null || p.signalCode !== null) return resolve();
            const kill = setTimeout(() => p.kill('SIGKILL'), 10_000);
            p.once('exit', () => {
              clearTimeout(kill);
              resolve();
            });
            p.kill('SIGTERM');
          }),
      ),
    );
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'a critical privacy alert reaches the security officer’s critical receiver with its labels and Russian annotations',
    async () => {
      const delivered = await eventually(
        `the webhook to receive PrivacyAlertRaised\nprometheus:\n${logs.prometheus}\nalertmanager:\n${logs.alertmanager}`,
        () =>
          received
            .flatMap((w) => w.alerts.map((a) => ({ receiver: w.receiver, ...a })))
            .find((a) => a.labels.alertname === 'PrivacyAlertRaised'),
      );
      expect(delivered.receiver).toBe('security-officer-critical');
      expect(delivered.status).toBe('firing');
      expect(delivered.labels).toEqual({
        alertname: 'PrivacyAlertRaised',
        rule: 'breakGlass',
        severity: 'critical',
        team: 'security',
        platform: 'medikamente',
      });
      expect(delivered.annotations.summary).toBe(
        'Мониторинг приватности: сработало правило «breakGlass» (critical)',
      );
      expect(delivered.annotations.description).toContain('по правилу «breakGlass» с важностью critical');
    },
    WAIT_MS + 10_000,
  );

  it(
    'a privacy alert of another rule with a lower severity reaches the officer by e-mail only, not hidden by the critical one',
    async () => {
      const delivered = await eventually(
        `the webhook to receive the afterHoursAccess alert\nalertmanager:\n${logs.alertmanager}`,
        () =>
          received
            .flatMap((w) => w.alerts.map((a) => ({ receiver: w.receiver, ...a })))
            .find((a) => a.labels.rule === 'afterHoursAccess'),
      );
      expect(delivered.receiver).toBe('security-officer');
      expect(delivered.labels).toMatchObject({
        alertname: 'PrivacyAlertRaised',
        severity: 'warning',
        team: 'security',
      });
    },
    WAIT_MS + 10_000,
  );

  it('Prometheus scraped the security target and holds the metric as served', async () => {
    const value = await eventually('the scraped counter', async () => {
      const res = await fetch(
        `${prometheusUrl}/api/v1/query?query=${encodeURIComponent('medikamente_privacy_alerts_total{rule="breakGlass"}')}`,
      );
      const body = (await res.json()) as {
        data: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
      };
      return body.data.result[0];
    });
    expect(value.metric).toMatchObject({ job: 'security', service: 'security', severity: 'critical' });
    expect(value.value[1]).toBe('1');
    // The healthy chain, the small lag and no requests raise nothing else.
    expect(received.flatMap((w) => w.alerts.map((a) => a.labels.alertname))).not.toContain(
      'AuditChainBroken',
    );
  });
});
