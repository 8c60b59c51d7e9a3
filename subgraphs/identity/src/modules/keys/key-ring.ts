import { randomUUID } from 'node:crypto';
import {
  type CryptoKey,
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  errors as joseErrors,
} from 'jose';
import type { KeyStore, NewKey, StoredKey } from './key.store';

export const SIGNING_ALG = 'EdDSA';
/** Clock difference between this service and verifiers that a retired key must outlast. */
export const CLOCK_TOLERANCE_SEC = 60;
/** An unknown kid makes the ring re-read the database, at most this often. */
const UNKNOWN_KID_COOLDOWN_MS = 5000;

/** Public members only: a JWK without "d" (and any other private member). */
function publicOnly(k: JWK, kid: string): JWK {
  return { kty: k.kty, crv: k.crv, x: k.x, kid, alg: SIGNING_ALG, use: 'sig' };
}

async function generateKey(): Promise<NewKey> {
  const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  const kid = randomUUID();
  return {
    kid,
    alg: SIGNING_ALG,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG },
    publicJwk: publicOnly(await exportJWK(publicKey), kid),
  };
}

export type KeyRingOptions = {
  /** Access-token lifetime: a retired key must stay published at least this long. */
  accessTokenTtlSec: number;
  /** How often the ring re-reads the keys (rotations by other replicas). */
  refreshSec: number;
  /** Automatic rotation when the active key is older (0: never). */
  maxAgeDays: number;
  /** Told about rotations (logging). */
  onRotated?: (r: Rotated) => void;
  /** Told about failures of the periodic re-read (the last keys read stay in use). */
  onError?: (e: unknown) => void;
};

export type Rotated = { activeKid: string; retiredKid: string | null; automatic: boolean };

type State = {
  kid: string;
  privateKey: CryptoKey;
  published: StoredKey[];
  localSet: JWTVerifyGetKey;
  loadedAt: number;
};

/**
 * The service's signing keys (Ed25519), kept sealed in its database; nothing in the repository.
 * One key is active and signs new tokens. Rotation (an IT administrator's `rotateSigningKey`,
 * or automatically after SIGNING_KEY_MAX_AGE_DAYS) makes a new key active and retires the old
 * one; the JWKS keeps publishing a retired key for the overlap window — retired_at + refresh
 * interval (a replica may sign with it until it re-reads the keys) + access-token TTL + clock
 * tolerance — so every token it signed verifies until it expires. Then the key is deleted.
 */
export class KeyRing {
  private timer: NodeJS.Timeout | undefined;
  private reloading: Promise<void> | undefined;
  private readonly imported = new Map<string, CryptoKey>();

  private constructor(
    private readonly store: KeyStore,
    private readonly opts: KeyRingOptions,
    private state: State,
  ) {}

  static async load(store: KeyStore, opts: KeyRingOptions): Promise<KeyRing> {
    await store.ensureActive(generateKey);
    const ring = new KeyRing(store, opts, await KeyRing.read(store, opts, new Map()));
    await ring.maintain();
    return ring;
  }

  /** Seconds a retired key stays published. */
  static overlapSec(opts: Pick<KeyRingOptions, 'accessTokenTtlSec' | 'refreshSec'>): number {
    return opts.accessTokenTtlSec + opts.refreshSec + CLOCK_TOLERANCE_SEC;
  }

  private static async read(
    store: KeyStore,
    opts: KeyRingOptions,
    imported: Map<string, CryptoKey>,
  ): Promise<State> {
    const published = await store.published(KeyRing.overlapSec(opts));
    const active = published.find((k) => k.active);
    if (!active) throw new Error('no active signing key');
    let privateKey = imported.get(active.kid);
    if (!privateKey) {
      privateKey = (await importJWK(active.privateJwk, SIGNING_ALG)) as CryptoKey;
      imported.clear();
      imported.set(active.kid, privateKey);
    }
    const keys = published.map((k) => publicOnly(k.publicJwk, k.kid));
    return {
      kid: active.kid,
      privateKey,
      published,
      localSet: createLocalJWKSet({ keys }),
      loadedAt: Date.now(),
    };
  }

  /** The kid of the active key (new tokens carry it). */
  get kid(): string {
    return this.state.kid;
  }

  /** The active private key. */
  get privateKey(): CryptoKey {
    return this.state.privateKey;
  }

  /**
   * Key getter for verifying this service's own tokens without an HTTP round trip. A kid it does
   * not know yet (another replica rotated) makes it re-read the keys once per cooldown.
   */
  readonly getKey: JWTVerifyGetKey = async (header, token) => {
    try {
      return await this.state.localSet(header, token);
    } catch (e) {
      if (!(e instanceof joseErrors.JWKSNoMatchingKey)) throw e;
      if (Date.now() - this.state.loadedAt < UNKNOWN_KID_COOLDOWN_MS) throw e;
      await this.reload();
      return this.state.localSet(header, token);
    }
  };

  /** The JWKS document: the active key and retired keys whose tokens can still be valid. */
  publicJwks(): { keys: JWK[] } {
    return { keys: this.state.published.map((k) => publicOnly(k.publicJwk, k.kid)) };
  }

  /** Kids in the JWKS, active first. */
  publishedKids(): string[] {
    return this.state.published.map((k) => k.kid);
  }

  /** When a retired key leaves the JWKS. */
  publishedUntil(kid: string): Date | null {
    const k = this.state.published.find((p) => p.kid === kid);
    return k?.retiredAt ? new Date(k.retiredAt.getTime() + KeyRing.overlapSec(this.opts) * 1000) : null;
  }

  /** Re-reads the keys from the database (one read at a time). */
  reload(): Promise<void> {
    this.reloading ??= KeyRing.read(this.store, this.opts, this.imported)
      .then((s) => {
        this.state = s;
      })
      .finally(() => {
        this.reloading = undefined;
      });
    return this.reloading;
  }

  /** Re-reads the keys when the copy in memory is older than `ms`. */
  async fresh(ms: number): Promise<void> {
    if (Date.now() - this.state.loadedAt >= ms) await this.reload();
  }

  /** Makes a new key active now; the old one stays published for the overlap window. */
  async rotate(): Promise<Rotated> {
    const r = await this.store.rotate(generateKey);
    await this.reload();
    const rotated = { activeKid: r!.active.kid, retiredKid: r!.retiredKid, automatic: false };
    this.opts.onRotated?.(rotated);
    return rotated;
  }

  /** Automatic rotation when due, deletion of keys past the window, then a fresh read. */
  async maintain(): Promise<void> {
    if (this.opts.maxAgeDays > 0) {
      const r = await this.store.rotate(generateKey, { olderThanSec: this.opts.maxAgeDays * 86_400 });
      if (r) this.opts.onRotated?.({ activeKid: r.active.kid, retiredKid: r.retiredKid, automatic: true });
    }
    await this.store.purgeRetired(KeyRing.overlapSec(this.opts));
    await this.reload();
  }

  /** Starts the periodic re-read (and automatic rotation check). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => void this.maintain().catch((e) => this.opts.onError?.(e)),
      this.opts.refreshSec * 1000,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
