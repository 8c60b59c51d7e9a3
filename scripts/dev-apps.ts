/**
 * Builds (when the build is stale) and starts the portal and reception Next.js apps as child
 * processes (`next start`), pointed at a running gateway. Used by the start command and by the
 * end-to-end tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const APPS = ['portal', 'reception'] as const;
type AppName = (typeof APPS)[number];

export type StartAppsOptions = {
  /** The gateway's HTTP origin or its /graphql URL. */
  gatewayUrl: string;
  /** Identity's origin. The apps talk to identity through the gateway; kept for configuration symmetry. */
  identityUrl: string;
  /** Where each app generates its cookie secret on first start (`<app>-session-secret`). */
  dataDir: string;
  portalPort: number;
  receptionPort: number;
  /** Host to bind (default 127.0.0.1). */
  host?: string;
  /** Child output: 'inherit' (default) or 'ignore'. */
  stdio?: 'inherit' | 'ignore';
  /** Called with progress messages (default: console.log with a [apps] prefix). */
  log?: (line: string) => void;
};

export type RunningApps = { urls: { portal: string; reception: string }; stop(): Promise<void> };

/** Files whose content decides whether an app's `.next` build is current. */
function buildInputs(app: AppName): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === '.next') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(join(ROOT, 'apps', app, 'src'));
  walk(join(ROOT, 'apps', 'web-kit', 'src'));
  for (const f of [
    `apps/${app}/package.json`,
    `apps/${app}/next.config.ts`,
    'apps/web-kit/package.json',
    'pnpm-lock.yaml',
  ]) {
    files.push(join(ROOT, f));
  }
  return files.filter((f) => existsSync(f)).sort();
}

function buildHash(app: AppName): string {
  const h = createHash('sha256');
  for (const f of buildInputs(app)) h.update(f).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

const nextBin = (app: AppName) => join(ROOT, 'apps', app, 'node_modules', 'next', 'dist', 'bin', 'next');

function run(
  app: AppName,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: 'inherit' | 'ignore',
): ChildProcess {
  return spawn(process.execPath, [nextBin(app), ...args], {
    cwd: join(ROOT, 'apps', app),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'ignore', 'pipe'],
  });
}

/** `next build` unless `.next` was built from the same sources (hash kept next to the build). */
export async function buildApp(
  app: AppName,
  log: (s: string) => void,
  stdio: 'inherit' | 'ignore' = 'inherit',
) {
  const stamp = join(ROOT, 'apps', app, '.next', 'medikamente-build-hash');
  const hash = buildHash(app);
  if (
    existsSync(stamp) &&
    existsSync(join(ROOT, 'apps', app, '.next', 'BUILD_ID')) &&
    readFileSync(stamp, 'utf8') === hash
  ) {
    log(`${app}: build is current`);
    return;
  }
  const started = Date.now();
  log(`${app}: next build …`);
  const child = run(app, ['build'], { NODE_ENV: 'production' }, stdio);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code: number = await new Promise((ok) => child.on('exit', (c) => ok(c ?? 1)));
  if (code !== 0)
    throw new Error(`${app}: next build failed (exit ${code})${stderr ? `\n${stderr.slice(-4000)}` : ''}`);
  writeFileSync(stamp, hash);
  log(`${app}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited before it became ready`);
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000} s`);
}

/**
 * Builds both apps when needed (in parallel), then starts them with `next start`. Each app
 * reaches the gateway at `gatewayUrl`; its cookie secret is generated into `dataDir`.
 */
export async function startApps(opts: StartAppsOptions): Promise<RunningApps> {
  const host = opts.host ?? '127.0.0.1';
  const log = opts.log ?? ((s: string) => console.log(`[apps] ${s}`));
  const stdio = opts.stdio ?? 'inherit';
  const gateway = opts.gatewayUrl.replace(/\/+$/, '');
  const GATEWAY_URL = gateway.endsWith('/graphql') ? gateway : `${gateway}/graphql`;
  await Promise.all(APPS.map((app) => buildApp(app, log, stdio)));
  const ports: Record<AppName, number> = { portal: opts.portalPort, reception: opts.receptionPort };
  const children: ChildProcess[] = [];
  const urls = { portal: `http://${host}:${ports.portal}`, reception: `http://${host}:${ports.reception}` };
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((ok) => {
            if (c.exitCode !== null || c.signalCode !== null) return ok();
            const force = setTimeout(() => c.kill('SIGKILL'), 5000);
            c.once('exit', () => {
              clearTimeout(force);
              ok();
            });
            c.kill('SIGTERM');
          }),
      ),
    );
  };
  try {
    for (const app of APPS) {
      const child = run(
        app,
        ['start', '-p', String(ports[app]), '-H', host],
        {
          NODE_ENV: 'production',
          GATEWAY_URL,
          MEDIKAMENTE_DATA_DIR: resolve(opts.dataDir),
          IDENTITY_URL: opts.identityUrl,
        },
        stdio,
      );
      child.stderr?.resume();
      children.push(child);
    }
    await Promise.all(APPS.map((app, i) => waitReady(urls[app], children[i]!)));
  } catch (e) {
    await stop();
    throw e;
  }
  log(`portal ${urls.portal}, reception ${urls.reception}`);
  return { urls, stop };
}
