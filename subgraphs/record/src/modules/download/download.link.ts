import { EnvelopeError, gcmOpen, gcmSeal } from '@medikamente/runtime';

/** What a file link opens: an attachment, the PDF summary of a signed version, or one upload. */
export type FileLinkKind = 'attachment' | 'pdf' | 'upload';

/** The claims a link carries, sealed: who may use it, for what, until when. */
export type FileLink = {
  kind: FileLinkKind;
  /** Attachment id (attachment, and the id an upload will get), or version id (pdf). */
  id: string;
  /** The token subject of the caller who asked for the link: only they can use it. */
  sub: string;
  expiresAt: Date;
  /** The visit an upload belongs to. */
  visitId?: string;
};

const AAD = Buffer.from('medikamente:file-link:v1');
const KINDS: readonly FileLinkKind[] = ['attachment', 'pdf', 'upload'];
/** Longer tokens are not ours: refused before any decoding. */
const MAX_TOKEN = 1024;

type Payload = { k: FileLinkKind; i: string; s: string; e: number; v?: string };

/**
 * Short-lived file links bound to the caller. The token is the claims sealed with AES-256-GCM
 * under a key derived from the record's keyring: authenticated (a changed or forged token does not
 * open) and opaque (no ids in URLs or access logs). A link alone grants nothing: the endpoint
 * also wants the caller's bearer token with the same subject, and authorises again.
 */
export class FileLinks {
  private key: Promise<Buffer> | undefined;

  constructor(
    private readonly deriveKey: () => Promise<Buffer>,
    private readonly opts: { base: string; ttlSec: number },
  ) {}

  private keyNow(): Promise<Buffer> {
    this.key ??= this.deriveKey().catch((err: unknown) => {
      this.key = undefined;
      throw err;
    });
    return this.key;
  }

  /** A link for `claims`, valid for the configured lifetime. */
  async issue(
    claims: Omit<FileLink, 'expiresAt'>,
    now = new Date(),
  ): Promise<{ url: string; token: string; expiresAt: Date }> {
    const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + this.opts.ttlSec * 1000);
    const payload: Payload = {
      k: claims.kind,
      i: claims.id,
      s: claims.sub,
      e: expiresAt.getTime() / 1000,
      ...(claims.visitId ? { v: claims.visitId } : {}),
    };
    const sealed = gcmSeal(await this.keyNow(), Buffer.from(JSON.stringify(payload)), AAD);
    const token = sealed.toString('base64url');
    const path = claims.kind === 'upload' ? 'upload' : 'download';
    return { url: `${this.opts.base.replace(/\/+$/, '')}/${path}/${token}`, token, expiresAt };
  }

  /** The claims of a token, or null when it is not one of ours (expiry is the caller's check). */
  async read(token: string): Promise<FileLink | null> {
    if (token.length > MAX_TOKEN || !/^[A-Za-z0-9_-]+$/.test(token)) return null;
    let payload: Payload;
    try {
      const plain = gcmOpen(await this.keyNow(), Buffer.from(token, 'base64url'), AAD, 'file link');
      payload = JSON.parse(plain.toString('utf8')) as Payload;
    } catch (err) {
      if (err instanceof EnvelopeError || err instanceof SyntaxError) return null;
      throw err;
    }
    if (!KINDS.includes(payload.k) || typeof payload.i !== 'string' || typeof payload.s !== 'string')
      return null;
    return {
      kind: payload.k,
      id: payload.i,
      sub: payload.s,
      expiresAt: new Date(payload.e * 1000),
      ...(payload.v ? { visitId: payload.v } : {}),
    };
  }
}
