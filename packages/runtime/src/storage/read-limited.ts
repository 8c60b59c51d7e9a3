import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ErrorCode } from '../errors';

/**
 * A body longer than the caller's limit. Carries `status` 413 and body-parser's `type`, so
 * handing it to Express's `next(err)` answers like any oversized body (see `jsonErrors`).
 */
export class TooLargeError extends Error {
  readonly code = ErrorCode.PAYLOAD_TOO_LARGE;
  readonly status = 413;
  readonly type = 'entity.too.large';
  constructor(readonly limit: number) {
    super(`body larger than ${limit} bytes`);
    this.name = 'TooLargeError';
  }
}

type Source = Readable | WebReadableStream<Uint8Array>;

/**
 * Reads a stream (an Express/Node request, a file stream, a web stream) into memory, refusing it
 * with TooLargeError as soon as more than `maxBytes` arrive — or at once when a request declares
 * a larger Content-Length — without reading the rest. The stream is paused, not destroyed, so an
 * HTTP handler can still answer 413; answer it with `Connection: close` so the unread body is
 * dropped with the connection.
 */
export function readLimited(source: Source, maxBytes: number): Promise<Uint8Array> {
  if (!Number.isInteger(maxBytes) || maxBytes < 0)
    throw new RangeError('maxBytes must be a non-negative integer');
  const stream =
    source instanceof Readable ? source : Readable.fromWeb(source as WebReadableStream<Uint8Array>);
  const declared = Number((source as { headers?: Record<string, unknown> }).headers?.['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    stream.on('error', () => {});
    stream.pause();
    return Promise.reject(new TooLargeError(maxBytes));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      // A later error (the client hangs up) must not become an unhandled 'error' event.
      stream.on('error', () => {});
    };
    const onData = (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += buf.length;
      if (received > maxBytes) {
        cleanup();
        stream.pause();
        reject(new TooLargeError(maxBytes));
        return;
      }
      chunks.push(buf);
    };
    const onEnd = () => {
      cleanup();
      const all = Buffer.concat(chunks, received);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    stream.on('data', onData);
    stream.once('end', onEnd);
    stream.once('error', onError);
  });
}
