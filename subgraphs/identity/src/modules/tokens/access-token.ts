import { randomUUID } from 'node:crypto';
import type { AccessClaims, Principal } from '@medikamente/runtime';
import { SignJWT } from 'jose';
import { type KeyRing, SIGNING_ALG } from '../keys/key-ring';

/** What an access token says about its holder. */
export type AccessTokenInput = {
  /** Account id for people, client id for machine clients. */
  subject: string;
  role: string;
  patientId?: string | null;
  branchIds?: string[];
  sessionId?: string | null;
  amr?: string[];
  scopes?: string[];
};

export type IssuedAccessToken = { token: string; expiresIn: number; principal: Principal };

export type AccessTokenConfig = { issuer: string; audience: string; ttlSec: number };

const MACHINE_ROLES = new Set(['lab_partner', 'service']);

/** Signs short-lived EdDSA access tokens (RFC 9068 profile, platform claims). */
export class AccessTokenIssuer {
  constructor(
    private readonly keys: KeyRing,
    private readonly config: AccessTokenConfig,
  ) {}

  get ttlSec(): number {
    return this.config.ttlSec;
  }

  async issue(input: AccessTokenInput): Promise<IssuedAccessToken> {
    const claims: AccessClaims = { typ: 'access', role: input.role };
    if (input.patientId) claims.pid = input.patientId;
    if (input.branchIds?.length) claims.bid = input.branchIds;
    if (input.sessionId) claims.sid = input.sessionId;
    if (input.amr?.length) claims.amr = input.amr;
    if (input.scopes?.length) claims.scope = input.scopes.join(' ');
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: SIGNING_ALG, kid: this.keys.kid, typ: 'at+jwt' })
      .setIssuer(this.config.issuer)
      .setAudience(this.config.audience)
      .setSubject(input.subject)
      .setIssuedAt()
      .setExpirationTime(`${this.config.ttlSec}s`)
      .setJti(randomUUID())
      .sign(this.keys.privateKey);
    const principal: Principal = {
      kind: MACHINE_ROLES.has(input.role) ? 'client' : 'user',
      subject: input.subject,
      role: input.role,
      patientId: input.patientId ?? null,
      branchIds: input.branchIds ?? [],
      scopes: input.scopes ?? [],
      sessionId: input.sessionId ?? null,
      amr: input.amr ?? [],
    };
    return { token, expiresIn: this.config.ttlSec, principal };
  }
}
