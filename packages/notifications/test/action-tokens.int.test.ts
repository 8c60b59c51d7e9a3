import { randomBytes, randomUUID } from 'node:crypto';
import type { Database } from '@medikamente/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActionTokens } from '../src/index';
import { openTestDatabase } from './support';

let database: Database;
let drop: () => Promise<void>;
let tokens: ActionTokens;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase('tokens'));
  tokens = new ActionTokens({ database, secret: randomBytes(32) });
});
afterAll(() => drop?.());

const inOneDay = () => new Date(Date.now() + 86_400_000);
const code = (p: Promise<unknown>) =>
  p.then(
    () => 'OK',
    (e: { extensions?: { code?: string } }) => e.extensions?.code ?? String(e),
  );

describe('ActionTokens', () => {
  it('works once; the second use is TOKEN_USED', async () => {
    const subject = randomUUID();
    const token = await tokens.issue({ subject, action: 'confirm', expiresAt: inOneDay() });
    expect(await tokens.consume(token)).toEqual({ subject, action: 'confirm' });
    expect(await code(tokens.consume(token))).toBe('TOKEN_USED');
    // Also through another instance with the same secret (another replica).
    expect(
      await code(new ActionTokens({ database, secret: (tokens as any).opts.secret }).consume(token)),
    ).toBe('TOKEN_USED');
  });

  it('rejects an expired token with TOKEN_EXPIRED', async () => {
    const token = await tokens.issue({
      subject: randomUUID(),
      action: 'cancel',
      expiresAt: new Date(Date.now() - 1000),
    });
    expect(await code(tokens.consume(token))).toBe('TOKEN_EXPIRED');
  });

  it('rejects a tampered token, a foreign signature and garbage with TOKEN_INVALID', async () => {
    const token = await tokens.issue({ subject: randomUUID(), action: 'confirm', expiresAt: inOneDay() });
    const [h, p, s] = token.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, act: 'cancel' })).toString('base64url')}.${s}`;
    expect(await code(tokens.consume(forged))).toBe('TOKEN_INVALID');
    const flipped = `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await code(tokens.consume(flipped))).toBe('TOKEN_INVALID');
    const other = new ActionTokens({ database, secret: randomBytes(32) });
    expect(await code(other.consume(token))).toBe('TOKEN_INVALID');
    expect(await code(tokens.consume('not.a.jwt'))).toBe('TOKEN_INVALID');
    // None of that used the genuine token up.
    expect(await code(tokens.consume(token))).toBe('OK');
  });

  it('rejects a token used for another action, without consuming it', async () => {
    const token = await tokens.issue({ subject: randomUUID(), action: 'cancel', expiresAt: inOneDay() });
    expect(await code(tokens.consume(token, 'confirm'))).toBe('TOKEN_INVALID');
    expect(await code(tokens.consume(token, { expectedAction: 'confirm' }))).toBe('TOKEN_INVALID');
    expect(await code(tokens.consume(token, 'cancel'))).toBe('OK');
  });

  it('commits the use with the caller transaction, and not when it rolls back', async () => {
    const token = await tokens.issue({ subject: randomUUID(), action: 'confirm', expiresAt: inOneDay() });
    await expect(
      database.tx(async (q) => {
        await tokens.consume(token, { q });
        throw new Error('appointment update failed');
      }),
    ).rejects.toThrow('appointment update failed');
    const used = await database.tx((q) => tokens.consume(token, { q }));
    expect(used.action).toBe('confirm');
    expect(await code(database.tx((q) => tokens.consume(token, { q })))).toBe('TOKEN_USED');
  });

  it('refuses a short secret', () => {
    expect(() => new ActionTokens({ database, secret: randomBytes(8) })).toThrow(/32 bytes/);
  });
});
