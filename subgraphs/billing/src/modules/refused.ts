import type { InputError } from '@medikamente/runtime';

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

/** Runs `f`; a `Refused` becomes the refusal outcome. */
export async function refusals<T>(
  f: () => Promise<T>,
): Promise<T | { ok: false; inputErrors: InputError[] }> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof Refused) return { ok: false, inputErrors: e.inputErrors };
    throw e;
  }
}
