import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature port (Minzdrav order 947н: documents are signed by the doctor). The default signs
 * server-side: an HMAC-SHA-256 over the signer, time and content hash under the service's
 * signing key, which proves the record subgraph recorded exactly this content for this signer.
 *
 * A qualified e-signature (УКЭП, CryptoPro) adapter implements the same interface: `sign` sends
 * the content hash to the doctor's signing tool (CryptoPro browser plug-in or a signing server),
 * receives a detached CAdES-BES signature and returns it base64 with method "cades-bes";
 * `verify` checks it against the doctor's qualified certificate. See docs/adr/0014-medical-record.md.
 */
export interface Signer {
  readonly method: string;
  sign(input: SignatureInput): Promise<string>;
  verify(input: SignatureInput, signature: string): Promise<boolean>;
}

export type SignatureInput = { signerAccountId: string; signedAt: Date; contentHash: string };

const payload = (i: SignatureInput) => `${i.signerAccountId}\n${i.signedAt.toISOString()}\n${i.contentHash}`;

/** The default: a simple server-side signature (HMAC) under a key derived from the master key. */
export class ServerSigner implements Signer {
  readonly method = 'server-hmac-sha256';
  constructor(private readonly key: () => Promise<Buffer>) {}

  async sign(i: SignatureInput): Promise<string> {
    return createHmac('sha256', await this.key())
      .update(payload(i))
      .digest('base64url');
  }

  async verify(i: SignatureInput, signature: string): Promise<boolean> {
    const expected = Buffer.from(await this.sign(i));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
