import { randomUUID } from 'node:crypto';
import {
  addToOutbox,
  type Database,
  ErrorCode,
  IdempotencyMismatchError,
  IdempotencyStore,
  type InputError,
  inputError,
  type Principal,
} from '@medikamente/runtime';
import type { Signer } from '../signature/signature';
import { contentHash } from './visit.content';
import type { VisitStore } from './visit.store';
import type { VersionRecord, VisitRecord } from './visit.types';

export type Fail = { inputErrors: InputError[] };
export const fail = (field: string, code: Parameters<typeof inputError>[1], message: string): Fail => ({
  inputErrors: [inputError(field, code, message)],
});

/** Writes signed versions: once per idempotency key, hashed, signed, frozen, announced. */
export class VersionWriter {
  private readonly idempotency: IdempotencyStore;

  constructor(private readonly deps: { database: Database; visits: VisitStore; signer: Signer }) {
    this.idempotency = new IdempotencyStore(deps.database);
  }

  /**
   * Runs `work` once per idempotency key, in one transaction with the claim: a retry of the same
   * request gets `replay(id)` of the first; another request with the key IDEMPOTENCY_MISMATCH; a
   * refusal inside `work` rolls back (and releases the key).
   */
  async once<T>(
    principal: Principal,
    claim: { operation: string; key: string; request: Record<string, unknown> },
    replay: (id: string) => Promise<T | Fail>,
    work: (id: string, q: Database['query']) => Promise<T>,
  ): Promise<T | Fail> {
    try {
      return await this.deps.database.tx(async (q) => {
        const id = randomUUID();
        const c = await this.idempotency.claim({ principal, ...claim, result: { id } });
        if (c.status === 'mismatch') throw new IdempotencyMismatchError('input.idempotencyKey');
        if (c.status === 'replayed') return replay(c.result.id);
        return work(id, q);
      });
    } catch (e) {
      if (e instanceof Refusal) return e.result;
      if (e instanceof IdempotencyMismatchError) return { inputErrors: [e.toInputError()] };
      throw e;
    }
  }

  async replayVersion(id: string): Promise<{ version: VersionRecord } | Fail> {
    const done = (await this.deps.visits.versionsByIds([id])).get(id);
    return done ? { version: done } : fail('input.visitId', ErrorCode.NOT_FOUND, 'Версия не найдена');
  }

  async writeVersion(
    q: Database['query'],
    visit: VisitRecord,
    v: Pick<
      VersionRecord,
      'id' | 'number' | 'status' | 'replacesVersionId' | 'reason' | 'content' | 'signedBy'
    >,
  ): Promise<VersionRecord> {
    // Millisecond precision: the hash is recomputable from what the database returns.
    const signedAt = new Date(Math.floor(Date.now()));
    const hash = contentHash({
      visitId: visit.id,
      patientId: visit.patientId,
      number: v.number,
      status: v.status,
      replacesVersionId: v.replacesVersionId,
      reason: v.reason,
      content: v.content,
      signedBy: v.signedBy,
      signedAt: signedAt.toISOString(),
    });
    const version = await this.deps.visits.insertVersion({
      ...v,
      visitId: visit.id,
      patientId: visit.patientId,
      contentHash: hash,
      signedAt,
      signatureMethod: this.deps.signer.method,
      signature: await this.deps.signer.sign({ signerAccountId: v.signedBy, signedAt, contentHash: hash }),
    });
    if (visit.status !== 'SIGNED') await this.deps.visits.markSigned(visit.id);
    // Facts for other services (lab referrals, billing, security operations): ids, never content.
    await addToOutbox(q, 'record.visit_signed', {
      visitId: visit.id,
      patientId: visit.patientId,
      appointmentId: visit.appointmentId,
      versionId: version.id,
      number: version.number,
      status: version.status,
      doctorAccountId: v.signedBy,
      signedAt: signedAt.toISOString(),
    });
    return version;
  }
}

/** An expected refusal inside a transaction: rolls it back (and the idempotency claim with it). */
export class Refusal extends Error {
  constructor(readonly result: Fail) {
    super('refused');
  }
}

/** The hash a version must carry, recomputed from its stored fields (verification). */
export const expectedHash = (v: VersionRecord) =>
  contentHash({
    visitId: v.visitId,
    patientId: v.patientId,
    number: v.number,
    status: v.status,
    replacesVersionId: v.replacesVersionId,
    reason: v.reason,
    content: v.content,
    signedBy: v.signedBy,
    signedAt: v.signedAt.toISOString(),
  });
