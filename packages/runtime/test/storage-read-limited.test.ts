import { once } from 'node:events';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonErrors } from '../src/http';
import { createLogger } from '../src/logger';
import { readLimited, TooLargeError } from '../src/storage';

const chunk = (n: number, fill = 1) => Buffer.alloc(n, fill);

describe('readLimited', () => {
  it('returns the whole body up to and including the limit', async () => {
    const body = await readLimited(Readable.from([chunk(10, 1), chunk(6, 2)]), 16);
    expect(Array.from(body)).toEqual([...Array(10).fill(1), ...Array(6).fill(2)]);
  });

  it('reads a web ReadableStream too', async () => {
    const web = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new Uint8Array([1, 2]));
        c.close();
      },
    });
    expect(Array.from(await readLimited(web, 2))).toEqual([1, 2]);
  });

  it('stops pulling an endless stream once past the limit', async () => {
    let pulled = 0;
    const endless = new Readable({
      read() {
        pulled++;
        this.push(chunk(1024));
      },
    });
    const err = await readLimited(endless, 64 * 1024).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TooLargeError);
    expect(err).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', limit: 64 * 1024 });
    const atRefusal = pulled;
    await new Promise((r) => setTimeout(r, 20));
    expect(endless.isPaused()).toBe(true);
    expect(pulled - atRefusal).toBeLessThanOrEqual(16); // at most the stream's read-ahead
    expect(atRefusal).toBeLessThan(100);
    endless.destroy();
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    let pulled = 0;
    const req = Object.assign(
      new Readable({
        read() {
          pulled++;
          this.push(null);
        },
      }),
      { headers: { 'content-length': '1000001' } },
    );
    await expect(readLimited(req, 1_000_000)).rejects.toBeInstanceOf(TooLargeError);
    expect(pulled).toBe(0);
  });
});

describe('readLimited in an Express upload route', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const app = express();
    app.post('/upload', async (req, res, next) => {
      try {
        const body = await readLimited(req, 1024);
        res.json({ size: body.byteLength });
      } catch (err) {
        res.set('Connection', 'close');
        next(err);
      }
    });
    app.use(jsonErrors(createLogger('test', 'silent')));
    server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  /** POSTs `size` bytes in one write, with a Content-Length or chunked. */
  const post = (size: number, chunked: boolean) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const headers: Record<string, string> = chunked
        ? { 'transfer-encoding': 'chunked' }
        : { 'content-length': String(size) };
      const req = request({ host: '127.0.0.1', port, path: '/upload', method: 'POST', headers }, (res) => {
        let text = '';
        res.on('data', (d) => {
          text += d;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      });
      req.on('error', reject);
      req.end(chunk(size));
    });

  it('accepts a body within the limit', async () => {
    expect(await post(1024, true)).toEqual({ status: 200, body: { size: 1024 } });
  });

  it.each([
    ['Content-Length', false],
    ['chunked', true],
  ])('answers 413 PAYLOAD_TOO_LARGE to an oversized %s body', async (_name, chunked) => {
    const res = await post(4096, chunked);
    expect(res.status).toBe(413);
    expect(JSON.stringify(res.body)).toContain('PAYLOAD_TOO_LARGE');
  });
});
