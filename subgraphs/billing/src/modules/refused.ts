import { randomUUID } from 'node:crypto';
import {
  type Database,
  IdempotencyMismatchError,
  type IdempotencyStore,
  type InputError,
  type Principal,
} from '@medikamente/runtime';

/** The outcome of a mutation: the record, or input errors (nothing written). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; inputErrors: InputError[] };

/**
 * Thrown inside a transaction to refuse the request with input errors: the transaction rolls back
 * (the idempotency claim included), so a refusal writes nothing and a corrected retry under the
 * same key is a fresh request.
 */
export class Refused extends Error {
  constructor(readonly inputErrors: InputError[]) {
    super('refused');
  }
}

/**
 * One idempotent write: in a transaction, claims `key` for `request` with a fresh id, then runs
 * `write(id)` — or `replay(id)` with the first request's id when the key was used for the same
 * request before. The same key with another request, and any `Refused`, answer input errors and
 * leave nothing written.
 */
export async function idempotentWrite<T>(
  deps: { database: Database; idempotency: IdempotencyStore },
  claim: { principal: Principal; key: string; operation: string; request: Record<string, unknown> },
  write: (id: string) => Promise<T>,
  replay: (id: string) => Promise<T>,
): Promise<Outcome<T>> {
  try {
    const value = await deps.database.tx(async () => {
      const id = randomUUID();
      const c = await deps.idempotency.claim({ ...claim, result: { id } });
      if (c.status === 'mismatch') throw new IdempotencyMismatchError('input.idempotencyKey');
      return c.status === 'replayed' ? replay(c.result.id) : write(id);
    });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, inputErrors: e.inputErrors };
    if (e instanceof IdempotencyMismatchError) return { ok: false, inputErrors: [e.toInputError()] };
    throw e;
  }
}
