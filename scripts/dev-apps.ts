/**
 * Builds (when the build is stale) and starts the portal and reception Next.js apps as child
 * processes (`next start`), pointed at a running gateway. Used by the start command and by the
 * end-to-end tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const APPS = ['portal', 'reception'] as const;
export type AppName = (typeof APPS)[number];

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
  /**
   * When set, build output goes to `<logDir>/<app>-build.log` and the servers' output to
   * `<logDir>/<app>.log` instead of `stdio` (a failed build's error carries the log's tail).
   */
  logDir?: string;
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

/** Where a child's output goes: the terminal, nowhere (stderr kept for errors), or a log file. */
export type AppOutput = 'inherit' | 'ignore' | { file: string };

function run(app: AppName, args: string[], env: NodeJS.ProcessEnv, output: AppOutput): ChildProcess {
  let fd: number | undefined;
  if (typeof output === 'object') {
    mkdirSync(resolve(output.file, '..'), { recursive: true });
    fd = openSync(output.file, 'w');
  }
  const child = spawn(process.execPath, [nextBin(app), ...args], {
    cwd: join(ROOT, 'apps', app),
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    stdio:
      fd !== undefined ? ['ignore', fd, fd] : output === 'inherit' ? 'inherit' : ['ignore', 'ignore', 'pipe'],
  });
  // The child holds its own copy of the descriptor.
  if (fd !== undefined) closeSync(fd);
  return child;
}

const runningBuilds = new Set<ChildProcess>();

/** Stops builds still running (the start command gave up before they finished). */
export function stopBuilds(): void {
  for (const b of runningBuilds) b.kill('SIGTERM');
}

/** The last `lines` lines of a log file. */
export function tailOf(file: string, lines = 40): string {
  if (!existsSync(file)) return '';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * `next build` unless `.next` was built from the same sources (hash kept next to the build).
 * Resolves to the build's duration in ms, or null when the build was current.
 */
export async function buildApp(
  app: AppName,
  log: (s: string) => void,
  output: AppOutput = 'inherit',
): Promise<number | null> {
  const stamp = join(ROOT, 'apps', app, '.next', 'medikamente-build-hash');
  const hash = buildHash(app);
  if (
    existsSync(stamp) &&
    existsSync(join(ROOT, 'apps', app, '.next', 'BUILD_ID')) &&
    readFileSync(stamp, 'utf8') === hash
  ) {
    log(`${app}: build is current`);
    return null;
  }
  const started = Date.now();
  log(`${app}: next build …`);
  const child = run(app, ['build'], { NODE_ENV: 'production' }, output);
  runningBuilds.add(child);
  child.once('exit', () => runningBuilds.delete(child));
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const code: number = await new Promise((ok) => child.on('exit', (c) => ok(c ?? 1)));
  if (code !== 0) {
    const detail = typeof output === 'object' ? tailOf(output.file) : stderr.slice(-4000);
    const where = typeof output === 'object' ? ` — full log: ${output.file}` : '';
    throw new Error(`${app}: next build failed (exit ${code})${where}${detail ? `\n${detail}` : ''}`);
  }
  writeFileSync(stamp, hash);
  log(`${app}: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return Date.now() - started;
}

/** The log file of an app's build or server under `logDir`. */
export const appLog = (logDir: string, app: AppName, kind: 'build' | 'server') =>
  join(logDir, kind === 'build' ? `${app}-build.log` : `${app}.log`);

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
  const output = (app: AppName, kind: 'build' | 'server'): AppOutput =>
    opts.logDir ? { file: appLog(opts.logDir, app, kind) } : stdio;
  const gateway = opts.gatewayUrl.replace(/\/+$/, '');
  const GATEWAY_URL = gateway.endsWith('/graphql') ? gateway : `${gateway}/graphql`;
  await Promise.all(APPS.map((app) => buildApp(app, log, output(app, 'build'))));
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
        output(app, 'server'),
      );
      child.stderr?.resume();
      children.push(child);
    }
    await Promise.all(APPS.map((app, i) => waitReady(urls[app], children[i]!)));
  } catch (e) {
    await stop();
    if (!opts.logDir) throw e;
    const logs = APPS.map(
      (app) => `${appLog(opts.logDir!, app, 'server')}:\n${tailOf(appLog(opts.logDir!, app, 'server'), 20)}`,
    );
    throw new Error(`${(e as Error).message}\n${logs.join('\n')}`);
  }
  log(`portal ${urls.portal}, reception ${urls.reception}`);
  return { urls, stop };
}
