#!/usr/bin/env node
/**
 * `npm start`: installs the dependencies (timed; pnpm's output goes to a log file that is shown
 * only when the install fails), then runs scripts/dev.ts, which starts the platform. Plain
 * JavaScript with no dependencies: on a fresh clone nothing is installed yet.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATA = resolve(process.env.MEDIKAMENTE_DATA_DIR || join(ROOT, '.data'));
const PNPM = 'pnpm@10.34.8';
const startedAt = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

mkdirSync(join(DATA, 'logs'), { recursive: true });
const installLog = join(DATA, 'logs', 'install.log');
console.log('[dev] install dependencies …');
const out = openSync(installLog, 'w');
const install = spawn('npx', ['-y', PNPM, 'install', '--frozen-lockfile', '--prefer-offline'], {
  cwd: ROOT,
  stdio: ['ignore', out, out],
});
const installCode = await new Promise((ok) =>
  install.on('exit', (code, signal) => ok(signal ? 1 : (code ?? 1))),
);
if (installCode !== 0) {
  const tail = readFileSync(installLog, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
  console.error(`[dev] install failed (exit ${installCode}) — full log: ${installLog}\n${tail}`);
  process.exit(installCode);
}
const installMs = Date.now() - startedAt;
console.log(`[dev] install dependencies  ${seconds(installMs)}`);

const dev = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'dev.ts')], {
  cwd: ROOT,
  stdio: 'inherit',
  env: {
    ...process.env,
    MEDIKAMENTE_STARTED_AT: String(startedAt),
    MEDIKAMENTE_INSTALL_MS: String(installMs),
  },
});
// Ctrl-C reaches the whole process group; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => dev.kill(signal));
dev.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
