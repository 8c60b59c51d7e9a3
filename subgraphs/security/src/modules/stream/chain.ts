import { type AuditEvent, hashEvent } from '@medikamente/runtime';

/** Why a chain failed a check (stored in chain_verification.reason_code). */
export type TamperReason = 'TRUNCATED' | 'ALTERED' | 'GAP';
/** What a chain check stores: tampering, or UNREACHABLE (an outage, never tampering). */
export type ReasonCode = TamperReason | 'UNREACHABLE';
export const REASON_CODES: readonly ReasonCode[] = ['TRUNCATED', 'ALTERED', 'GAP', 'UNREACHABLE'];

/** One audit event of a source as the stream holds it (the runtime's event, purpose always set). */
export type StreamEvent = AuditEvent & { purpose: string | null };

export type ChainBreak = { seq: number; reason: TamperReason };

/**
 * Checks that `events` continue a chain whose last link is `lastHash` at `lastSeq`: each event's
 * own hash recomputes from its content (else ALTERED), each links to the one before it (else
 * GAP: an event between them is missing — a seq gap alone is no break, since a rolled-back
 * append leaves one). Returns the first break, or null.
 */
export function chainBreak(
  lastSeq: number,
  lastHash: string,
  events: readonly StreamEvent[],
): ChainBreak | null {
  let prevSeq = lastSeq;
  let prevHash = lastHash;
  for (const e of events) {
    if (e.seq <= prevSeq) return { seq: e.seq, reason: 'ALTERED' };
    if (hashEvent(e) !== e.hash) return { seq: e.seq, reason: 'ALTERED' };
    if (e.prevHash !== prevHash) return { seq: e.seq, reason: 'GAP' };
    prevSeq = e.seq;
    prevHash = e.hash;
  }
  return null;
}
