/**
 * What the start command prints: one line per step with its duration while the platform starts,
 * and one banner at the end (addresses, demo logins with passwords and TOTP secrets, the
 * development mailbox, how to get a TOTP code).
 */
import type { DemoLogin } from './seed';

export const say = (s: string) => console.log(`[dev] ${s}`);

/** `1.2 s`, or `1 min 52 s` past a minute. */
export function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

const STEP_WIDTH = 26;

/** Prints `[dev] <step>  <duration>` (and an optional note) once the step is done. */
export function stepDone(name: string, ms: number, note = ''): void {
  say(`${name.padEnd(STEP_WIDTH)}${duration(ms).padStart(10)}${note ? `   ${note}` : ''}`);
}

/** Runs a step and prints its duration; `note` may describe the result. */
export async function step<T>(name: string, fn: () => Promise<T>, note?: (r: T) => string): Promise<T> {
  const started = Date.now();
  const r = await fn();
  stepDone(name, Date.now() - started, note?.(r) ?? '');
  return r;
}

export type BannerInput = {
  totalMs: number | null;
  urls: Array<[string, string]>;
  mailboxUrl: string;
  dataDir: string;
  loginsFile: string;
  logins: DemoLogin[] | null;
};

/** The closing banner of `npm start`. */
export function banner(b: BannerInput): string {
  const rule = '─'.repeat(100);
  const label = Math.max(...b.urls.map(([name]) => name.length));
  const lines = [
    '',
    rule,
    `Medikamente is running${b.totalMs !== null ? ` (ready ${duration(b.totalMs)} after \`npm start\`)` : ''}`,
    '',
    ...b.urls.map(([name, url]) => `  ${name.padEnd(label)}  ${url}`),
    '',
  ];
  if (b.logins?.length) {
    lines.push(`Demo logins (also in ${b.loginsFile}):`);
    const width = Math.max(...b.logins.map((l) => l.login.length));
    const staff = b.logins.some((l) => l.role !== 'patient');
    lines.push(
      `  ${'login'.padEnd(width)}  ${'password'.padEnd(19)}  ${staff ? `${'TOTP secret'.padEnd(32)}  ` : ''}who`,
    );
    for (const l of b.logins) {
      const who = `${l.role}: ${l.displayName}${l.note ? `, ${l.note}` : ''}`;
      // undefined: seeded before staff had TOTP (they sign in without a code); null: lost.
      const secret =
        l.role === 'patient'
          ? '—'
          : l.totpSecret === undefined
            ? '(no TOTP: old seed)'
            : (l.totpSecret ?? '(unknown)');
      lines.push(
        `  ${l.login.padEnd(width)}  ${(l.password ?? '(unknown)').padEnd(19)}  ${staff ? `${secret.padEnd(32)}  ` : ''}${who}`,
      );
    }
    lines.push(
      '',
      'Staff sign in with password + a six-digit TOTP code: add the secret to an authenticator app,',
      '  or print the current code with   pnpm totp <login>   (e.g. pnpm totp reception@medikamente.local)',
    );
  } else {
    lines.push(`Demo logins: ${b.loginsFile} is missing; delete the demo databases to seed again.`);
  }
  lines.push(
    `New patients sign up in the portal; the confirmation code arrives in the dev mailbox: ${b.mailboxUrl}`,
    `Data and logs: ${b.dataDir}`,
    '',
    'Ctrl-C stops all services.',
    rule,
    '',
  );
  return lines.join('\n');
}
