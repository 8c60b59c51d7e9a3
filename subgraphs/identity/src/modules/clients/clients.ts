import { randomBytes } from 'node:crypto';
import { ErrorCode, type InputError } from '@medikamente/runtime';
import { randomToken, sameDigest, sha256 } from '../../common/crypto';
import { inputError, ok, type Result } from '../../common/result';
import type { AccessTokenIssuer, IssuedAccessToken } from '../tokens/access-token';
import { CLIENT_ROLES, type ClientRecord, type ClientRole, type ClientStore } from './client.store';

const SCOPE = /^[a-z][a-z0-9:._-]{0,63}$/;
/**
 * Scopes of the platform's own deployables (event relays, the gateway's vouching, SDL,
 * revocation and audit-trail reads). They are issued by the deployment (scripts/dev-clients.ts,
 * operations), never through the API: an administrator minting one could feed a subgraph forged
 * events or read every service's audit trail.
 */
const INTERNAL_SCOPE = /^(events:|gateway$|subgraph:sdl$|revocations:read$|audit:read$)/;
const MAX_SCOPES = 32;

export type NewClientInput = { name: string; role: string; scopes: string[] };
export type CreatedClient = { client: ClientRecord; clientSecret: string };

/** Machine clients (partner labs, internal services) and the client-credentials grant. */
export class Clients {
  constructor(
    private readonly store: ClientStore,
    private readonly issuer: AccessTokenIssuer,
  ) {}

  /** Registers a client; the secret is returned once and only its sha256 is kept. */
  async create(input: NewClientInput, opts: { internal?: boolean } = {}): Promise<Result<CreatedClient>> {
    const errors: InputError[] = [];
    const name = input.name.trim();
    if (!name) errors.push(inputError('name', ErrorCode.REQUIRED));
    else if (name.length > 200) errors.push(inputError('name', ErrorCode.TOO_LONG));
    if (!(CLIENT_ROLES as readonly string[]).includes(input.role))
      errors.push(inputError('role', ErrorCode.BAD_USER_INPUT));
    const scopes = [...new Set(input.scopes.map((s) => s.trim()))];
    if (scopes.length > MAX_SCOPES || scopes.some((s) => !SCOPE.test(s))) {
      errors.push(inputError('scopes', ErrorCode.BAD_USER_INPUT, 'Некорректный список областей доступа'));
    } else if (!opts.internal && scopes.some((s) => INTERNAL_SCOPE.test(s))) {
      errors.push(
        inputError(
          'scopes',
          ErrorCode.FORBIDDEN,
          'Служебные области доступа выдаются только при развёртывании',
        ),
      );
    }
    if (errors.length > 0) return { ok: false, errors };
    // 256-bit random secret: a fast hash is enough (no dictionary to attack), unlike passwords.
    const clientSecret = randomToken();
    const prefix = input.role === 'lab_partner' ? 'lab' : 'svc';
    const client = await this.store.create({
      clientId: `${prefix}_${randomBytes(12).toString('hex')}`,
      secretHash: sha256(clientSecret),
      role: input.role as ClientRole,
      scopes,
      name,
    });
    return ok({ client, clientSecret });
  }

  /** Checks client credentials; null for unknown, disabled or wrong secret (indistinguishable). */
  async authenticate(clientId: string, clientSecret: string): Promise<ClientRecord | null> {
    const client = clientId.length <= 100 ? await this.store.byId(clientId) : null;
    if (!client || client.disabledAt) return null;
    return sameDigest(sha256(clientSecret), client.secretHash) ? client : null;
  }

  /** Access token for a client; `requested` narrows the granted scopes (null when not a subset). */
  async issueToken(
    client: ClientRecord,
    requested: string[] | null,
  ): Promise<(IssuedAccessToken & { scopes: string[] }) | null> {
    const scopes = requested ?? client.scopes;
    if (scopes.some((s) => !client.scopes.includes(s))) return null;
    const t = await this.issuer.issue({ subject: client.clientId, role: client.role, scopes });
    return { ...t, scopes };
  }
}
