import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  /** The gateway's GraphQL endpoint (HTTP; the WebSocket URL is derived from it). */
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  /** Where the cookie secret is generated on first start (never committed). */
  MEDIKAMENTE_DATA_DIR: z.string().optional(),
  /** Overrides the generated secret (at least 32 characters), e.g. from a secret store. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** `always` forces Secure cookies; `auto` (default) drops it only for http://localhost. */
  COOKIE_SECURE: z.enum(['auto', 'always']).default('auto'),
});

export type WebEnv = z.infer<typeof schema> & { dataDir: string };

let cached: WebEnv | undefined;

/** Validated configuration of a web app's server side; nothing else reads process.env. */
export function webEnv(): WebEnv {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`invalid configuration: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  // `next start` runs in the app's folder: the default data directory is the repository's .data.
  const dataDir = resolve(
    /*turbopackIgnore: true*/ parsed.data.MEDIKAMENTE_DATA_DIR ??
      join(/*turbopackIgnore: true*/ process.cwd(), '..', '..', '.data'),
  );
  cached = { ...parsed.data, dataDir };
  return cached;
}

const secrets = new Map<string, string>();

/**
 * The cookie encryption secret of an app: SESSION_SECRET, or a random one generated into the
 * data directory on first start (owner-only file), so no secret lives in the repository.
 */
export function sessionSecret(app: string): string {
  const env = webEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const known = secrets.get(app);
  if (known) return known;
  const file = join(env.dataDir, `${app}-session-secret`);
  if (!existsSync(file)) {
    mkdirSync(env.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (e) {
      // Another worker created it first: use theirs.
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
  }
  const secret = readFileSync(file, 'utf8').trim();
  secrets.set(app, secret);
  return secret;
}
