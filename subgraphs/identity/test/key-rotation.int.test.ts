import { TokenVerifier } from '@medikamente/runtime';
import { codes } from '@medikamente/runtime/testing';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyRing } from '../src/modules/keys/key-ring';
import { createIdentityService } from '../src/service';
import { claimsOf, type IdentityHarness, startIdentity } from './harness';

let h: IdentityHarness;
beforeAll(async () => {
  h = await startIdentity();
});
afterAll(() => h?.stop());

const ROTATE = `mutation { rotateSigningKey {
  ok inputErrors { code } activeKid retiredKid retiredKeyPublishedUntil publishedKids
} }`;
const jwksKids = async () =>
  (
    (await (await fetch(`${h.base}/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> }
  ).keys.map((k) => k.kid);
/** What another subgraph runs: remote JWKS over HTTP, a fresh key cache. */
const remoteVerifier = () =>
  new TokenVerifier({
    issuer: h.env.AUTH_ISSUER,
    audience: h.env.AUTH_AUDIENCE,
    jwks: `${h.base}/.well-known/jwks.json`,
  });
const kidOf = (token: string) => decodeProtectedHeader(token).kid as string;
const overlapSec = () =>
  KeyRing.overlapSec({
    accessTokenTtlSec: h.env.ACCESS_TOKEN_TTL_SEC,
    refreshSec: h.env.SIGNING_KEY_REFRESH_SEC,
  });
const retireAgo = (kid: string, seconds: number) =>
  h.service.database.query(
    'update signing_key set retired_at = now() - make_interval(secs => $2::float8) where kid = $1',
    [kid, seconds],
  );

describe('signing key rotation', () => {
  it('publishes the new key and the old one while its tokens can be valid, then drops the old one', async () => {
    const patient = await h.accountWithToken({ role: 'patient' });
    const oldKid = kidOf(patient.token);
    expect(await jwksKids()).toEqual([oldKid]);
    const admin = await h.accountWithToken({ role: 'it_admin' });

    const r = (await h.query(ROTATE, {}, admin.token)).data.rotateSigningKey;
    expect(r).toMatchObject({ ok: true, inputErrors: [], retiredKid: oldKid });
    expect(r.activeKid).not.toBe(oldKid);
    expect(r.publishedKids).toEqual([r.activeKid, oldKid]);
    const until = Date.parse(r.retiredKeyPublishedUntil);
    expect(Math.abs(until - (Date.now() + overlapSec() * 1000))).toBeLessThan(10_000);
    // The window outlasts every token the old key signed (plus refresh interval and clock tolerance).
    expect(claimsOf(patient.token).exp * 1000).toBeLessThan(until - 60_000);
    expect(await jwksKids()).toEqual([r.activeKid, oldKid]);

    // Tokens signed before the rotation still verify, remotely and at identity itself.
    expect(await remoteVerifier().verify(patient.token)).toMatchObject({ subject: patient.accountId });
    expect((await h.query('{ me { id } }', {}, patient.token)).data.me.id).toBe(patient.accountId);
    // New tokens carry the new kid.
    const fresh = await h.service.issueTokenFor(patient.accountId);
    expect(kidOf(fresh)).toBe(r.activeKid);
    expect(await remoteVerifier().verify(fresh)).toMatchObject({ subject: patient.accountId });
    const signedIn = await h.signUp();
    expect(kidOf(signedIn.payload.accessToken)).toBe(r.activeKid);

    // Just inside the window the old key is still there …
    await retireAgo(oldKid, overlapSec() - 30);
    await h.service.keys.reload();
    expect(await jwksKids()).toEqual([r.activeKid, oldKid]);
    // … and after it the JWKS no longer has it, so its tokens stop verifying; the key is deleted.
    await retireAgo(oldKid, overlapSec() + 1);
    await h.service.keys.maintain();
    expect(await jwksKids()).toEqual([r.activeKid]);
    const late = await remoteVerifier()
      .verify(patient.token)
      .catch((e) => e);
    expect(late.code).toBe('TOKEN_INVALID');
    const rows = await h.service.database.query('select kid from signing_key where kid = $1', [oldKid]);
    expect(rows).toEqual([]);
  });

  it('lets only IT admins rotate, and a refused call changes nothing', async () => {
    const before = h.service.keys.kid;
    const doctor = await h.accountWithToken({ role: 'doctor' });
    expect(codes(await h.query(ROTATE, {}, doctor.token))).toEqual(['FORBIDDEN']);
    expect(codes(await h.query(ROTATE))).toEqual(['UNAUTHENTICATED']);
    await h.service.keys.reload();
    expect(h.service.keys.kid).toBe(before);
    expect(await jwksKids()).toEqual(h.service.keys.publishedKids());
  });

  it('rotates automatically at start when the active key is older than SIGNING_KEY_MAX_AGE_DAYS', async () => {
    const before = h.service.keys.kid;
    await h.service.database.query(
      `update signing_key set created_at = now() - make_interval(days => $1) where kid = $2`,
      [h.env.SIGNING_KEY_MAX_AGE_DAYS + 1, before],
    );
    const restarted = await createIdentityService(h.env, { database: h.service.database });
    try {
      expect(restarted.keys.kid).not.toBe(before);
      expect(restarted.keys.publishedKids()).toEqual([restarted.keys.kid, before]);
      // The other replica learns of the new key when it re-reads (or meets its kid).
      const token = await restarted.issueTokenFor(
        (await h.service.createAccount({ role: 'patient' })).accountId,
      );
      await h.service.keys.reload();
      expect((await h.service.verifier.verify(token)).role).toBe('patient');
      expect(await jwksKids()).toEqual([restarted.keys.kid, before]);
    } finally {
      await restarted.close();
    }
  });
});
