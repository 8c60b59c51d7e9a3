/**
 * `pnpm totp <login>`: prints the current six-digit TOTP code of a demo staff account, from the
 * secret kept in `.data/demo-logins.json` (MEDIKAMENTE_DATA_DIR to read another data directory).
 * The code alone goes to stdout (scripts can use it); how long it stays valid goes to stderr.
 * A login may be shortened to the part before "@" (`pnpm totp reception`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authenticator } from 'otplib';
import type { DemoLogin } from './seed';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATA = resolve(process.env.MEDIKAMENTE_DATA_DIR || join(ROOT, '.data'));
const FILE = join(DATA, 'demo-logins.json');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const wanted = (process.argv[2] ?? '').trim().toLowerCase();
if (!wanted) fail('usage: pnpm totp <login>   e.g. pnpm totp reception@medikamente.local');
if (!existsSync(FILE)) fail(`${FILE} does not exist: run \`npm start\` once to seed the demo data`);
const logins = (JSON.parse(readFileSync(FILE, 'utf8')) as { logins: DemoLogin[] }).logins;
const found =
  logins.find((l) => l.login === wanted) ?? logins.find((l) => l.login.split('@')[0] === wanted) ?? null;
if (!found) fail(`no demo login ${wanted} in ${FILE}`);
if (!found.totpSecret)
  fail(
    found.role === 'patient'
      ? `${found.login} is a patient: patients sign in without TOTP`
      : `the TOTP secret of ${found.login} is unknown (its account came from an interrupted seed)`,
  );
console.log(authenticator.generate(found.totpSecret));
console.error(`${found.login}: valid for ${authenticator.timeRemaining()} s more`);
