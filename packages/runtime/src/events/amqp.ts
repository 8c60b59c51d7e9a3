import amqp, { type ChannelModel, type ConfirmChannel, type ConsumeMessage } from 'amqplib';
import { domainEventSchema, type EventConsumer } from './consumer';
import type { DomainEvent } from './outbox';

/*
 * RabbitMQ as the transport between outbox and inboxes (ADR 0013). Names:
 *   <producer>.events        topic exchange of a producing service, routing key = event type
 *   <service>.<purpose>      a consumer's durable (quorum) queue, bound to the types it handles
 *   <consumer>.dlx / .dead   the consumer's dead-letter exchange and queue
 * A service's broker user may configure and write only names starting with `<service>.`, and
 * read those plus the exchanges of the producers it consumes from (to bind its queues).
 */

export const exchangeOf = (service: string) => `${service}.events`;
export const deadLetterExchangeOf = (consumer: string) => `${consumer}.dlx`;
export const deadLetterQueueOf = (consumer: string) => `${consumer}.dead`;

/** Attempts (deliveries) of one event before the consumer dead-letters it. */
export const DEFAULT_MAX_ATTEMPTS = 5;

/** A consumer's queue as the broker sees it; `types` are handler keys (`x.y` or `x.*`). */
export type ConsumerTopology = { name: string; from: string; types: readonly string[]; maxAttempts?: number };

/** One service's place in the broker: its exchange (if it produces) and its consumers' queues. */
export type BrokerService = { name: string; produces?: boolean; consumers?: ConsumerTopology[] };

const quote = (s: string) => s.replace(/[.*+?^${}()|[\]-]/g, '\\$&');

/** configure/write/read regexps of a service's broker user (RabbitMQ permissions). */
export function brokerPermissions(service: BrokerService): {
  configure: string;
  write: string;
  read: string;
} {
  const own = `^${quote(service.name)}\\.`;
  const sources = [...new Set((service.consumers ?? []).map((c) => exchangeOf(c.from)))].map(quote);
  return {
    configure: own,
    write: own,
    read: sources.length ? `^(${quote(service.name)}\\..*|${sources.join('|')})$` : own,
  };
}

/** A handler key as a topic binding: `appointment.*` (any type below) becomes `appointment.#`. */
export const bindingOf = (type: string) => (type.endsWith('.*') ? `${type.slice(0, -2)}.#` : type);

/** Declares (idempotently) a producer's exchange. */
export async function declareProducer(ch: ConfirmChannel, service: string): Promise<void> {
  await ch.assertExchange(exchangeOf(service), 'topic', { durable: true });
}

/**
 * Declares (idempotently) a consumer's queue, its bindings and its dead-letter queue. Quorum
 * queues count deliveries (`x-delivery-count`); their delivery limit dead-letters a message that
 * crashes the consumer every time, before the consumer itself could.
 */
export async function declareConsumer(ch: ConfirmChannel, t: ConsumerTopology): Promise<void> {
  const dlx = deadLetterExchangeOf(t.name);
  await ch.assertExchange(dlx, 'fanout', { durable: true });
  await ch.assertQueue(deadLetterQueueOf(t.name), { durable: true, arguments: { 'x-queue-type': 'quorum' } });
  await ch.bindQueue(deadLetterQueueOf(t.name), dlx, '');
  await ch.assertQueue(t.name, {
    durable: true,
    arguments: {
      'x-queue-type': 'quorum',
      'x-delivery-limit': t.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      'x-dead-letter-exchange': dlx,
    },
  });
  for (const type of t.types) await ch.bindQueue(t.name, exchangeOf(t.from), bindingOf(type));
}

const CONFIRM_TIMEOUT_MS = 10_000;

/** Connects with a heartbeat, so a dead broker is noticed within seconds. */
async function connect(url: string, name: string): Promise<ChannelModel> {
  const u = new URL(url);
  if (!u.searchParams.has('heartbeat')) u.searchParams.set('heartbeat', '10');
  return amqp.connect(u.toString(), { clientProperties: { connection_name: name } });
}

/** Resolves with a channel's fatal error (ACCESS_REFUSED, NOT_FOUND…) when the broker closes it. */
function watchChannel(ch: ConfirmChannel) {
  let failure: Error | undefined;
  ch.on('error', (err: Error) => {
    failure = err;
  });
  return () => failure;
}

/**
 * The outbox relay's sink on RabbitMQ: publishes each event persistently to the producer's
 * exchange (routing key = type, messageId = event id) and resolves only when the broker has
 * confirmed every message, so a row is marked delivered only once the broker holds it. Any
 * failure drops the connection (the next batch reconnects) and the relay retries with backoff.
 */
export function amqpEventSink(opts: { url: string; service: string }) {
  let link: Promise<{ conn: ChannelModel; ch: ConfirmChannel; failure: () => Error | undefined }> | undefined;
  const open = async () => {
    const conn = await connect(opts.url, `${opts.service} outbox relay`);
    conn.on('error', () => {});
    conn.on('close', () => {
      link = undefined;
    });
    const ch = await conn.createConfirmChannel();
    const failure = watchChannel(ch);
    await declareProducer(ch, opts.service);
    return { conn, ch, failure };
  };
  const drop = async () => {
    const current = link;
    link = undefined;
    await (await current?.catch(() => undefined))?.conn.close().catch(() => {});
  };
  const exchange = exchangeOf(opts.service);
  const deliver = async (events: DomainEvent[]): Promise<void> => {
    const pending = link ?? open();
    link = pending;
    let l: Awaited<typeof pending> | undefined;
    try {
      l = await pending;
      for (const e of events) {
        const flushed = l.ch.publish(exchange, e.type, Buffer.from(JSON.stringify(e)), {
          persistent: true,
          messageId: e.id,
          type: e.type,
          contentType: 'application/json',
          appId: opts.service,
          timestamp: Math.floor(Date.parse(e.occurredAt) / 1000),
        });
        if (!flushed) await new Promise((r) => l!.ch.once('drain', r));
      }
      // A broker that blocks publishers (memory or disk alarm) must not hang the relay's pass.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        l.ch.waitForConfirms(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('no publisher confirm within 10 s')), CONFIRM_TIMEOUT_MS);
        }),
      ]).finally(() => clearTimeout(timer));
    } catch (err) {
      const cause = l?.failure() ?? err;
      await drop();
      throw cause;
    }
  };
  return Object.assign(deliver, { close: drop });
}

export type AmqpConsumerOptions = {
  url: string;
  consumer: EventConsumer;
  /** Unacknowledged messages the broker may push at once (default 10). */
  prefetch?: number;
  /** Deliveries before a failing event goes to the dead-letter queue (default 5). */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, capped at 30 s (default 1 s). */
  retryDelayMs?: number;
  onError?(err: unknown, context: string): void;
};

/**
 * Consumes a consumer's durable queue: each message is applied through the consumer's inbox in
 * one transaction and acknowledged only after it commits (a crash in between redelivers it; the
 * inbox makes that harmless). Messages are applied one at a time in queue order. A message that
 * cannot be parsed is dead-lettered at once; one whose handler keeps failing, after
 * `maxAttempts` deliveries — with the reason in the `x-dead-letter-reason` header. A lost
 * connection (broker restart, forced close) is re-established with backoff.
 */
export function startAmqpConsumer(opts: AmqpConsumerOptions) {
  const { consumer } = opts;
  if (!consumer.from) throw new Error(`consumer ${consumer.name} needs "from" (the producing service)`);
  const topology: ConsumerTopology = {
    name: consumer.name,
    from: consumer.from,
    types: consumer.types,
    maxAttempts: opts.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
  };
  const maxAttempts = topology.maxAttempts!;
  const retryDelay = opts.retryDelayMs ?? 1000;
  let conn: ChannelModel | undefined;
  let subscription: { ch: ConfirmChannel; tag: string } | undefined;
  let closed = false;
  let connections = 0;
  let chain: Promise<void> = Promise.resolve();
  // Waits (retry backoff, reconnect delay) end early when the consumer is closed.
  const waking = new Set<() => void>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        waking.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      waking.add(done);
    });
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => {
    markReady = r;
  });

  const deadLetter = async (ch: ConfirmChannel, msg: ConsumeMessage, reason: string, attempts: number) => {
    const { 'x-delivery-count': _count, ...headers } = msg.properties.headers ?? {};
    ch.publish(deadLetterExchangeOf(consumer.name), msg.fields.routingKey, msg.content, {
      persistent: true,
      messageId: msg.properties.messageId,
      type: msg.properties.type,
      contentType: msg.properties.contentType,
      headers: {
        ...headers,
        'x-dead-letter-reason': reason.slice(0, 500),
        'x-attempts': attempts,
        'x-consumer': consumer.name,
        'x-original-exchange': msg.fields.exchange,
      },
    });
    await ch.waitForConfirms();
    ch.ack(msg);
  };

  const processMessage = async (ch: ConfirmChannel, msg: ConsumeMessage) => {
    if (closed) return; // left unacked: the broker hands it out again
    const attempts = Number(msg.properties.headers?.['x-delivery-count'] ?? 0) + 1;
    let event: DomainEvent;
    try {
      event = domainEventSchema.parse(JSON.parse(msg.content.toString('utf8')));
    } catch (err) {
      await deadLetter(ch, msg, `unparsable: ${(err as Error).message}`, attempts);
      return;
    }
    try {
      await consumer.handle(event);
    } catch (err) {
      opts.onError?.(err, `event ${event.id} (${event.type}) failed, attempt ${attempts} of ${maxAttempts}`);
      if (attempts >= maxAttempts)
        await deadLetter(ch, msg, String((err as Error)?.message ?? err), attempts);
      else {
        await pause(Math.min(30_000, retryDelay * 2 ** (attempts - 1)));
        // Closing meanwhile returns the message to the queue with the connection.
        if (!closed) ch.nack(msg, false, true);
      }
      return;
    }
    ch.ack(msg);
  };

  const run = async (): Promise<void> => {
    let delay = 250;
    while (!closed) {
      try {
        const c = await connect(opts.url, `${consumer.name} consumer`);
        conn = c;
        c.on('error', () => {});
        const lost = new Promise<void>((r) => c.once('close', () => r()));
        const ch = await c.createConfirmChannel();
        ch.on('error', (err: Error) => opts.onError?.(err, 'channel closed by the broker'));
        await ch.prefetch(opts.prefetch ?? 10);
        await declareConsumer(ch, topology);
        const { consumerTag } = await ch.consume(
          consumer.name,
          (msg) => {
            if (!msg) return;
            // Sequential, in delivery order; a message of a lost channel is redelivered anyway.
            chain = chain
              .then(() => processMessage(ch, msg))
              .catch((err) => opts.onError?.(err, 'acknowledgement failed; the broker redelivers'));
          },
          { noAck: false },
        );
        subscription = { ch, tag: consumerTag };
        connections++;
        delay = 250;
        markReady();
        // close() may have run while this connection was being set up.
        if (closed) await c.close().catch(() => {});
        await lost;
      } catch (err) {
        if (!closed) opts.onError?.(err, 'broker connection failed; reconnecting');
        await conn?.close().catch(() => {});
      }
      conn = undefined;
      subscription = undefined;
      if (!closed) await pause(delay);
      delay = Math.min(delay * 2, 5000);
    }
  };
  const loop = run();

  return {
    /** Resolves once the queue is declared and consumed (the first time). */
    ready,
    /** Connections established so far (more than one after a reconnect). */
    get connections() {
      return connections;
    },
    /** Stops consuming, lets the message in hand finish, and disconnects. */
    async close() {
      closed = true;
      for (const wake of [...waking]) wake();
      // No new deliveries; the ones already taken are applied (or returned unacked on close).
      await subscription?.ch.cancel(subscription.tag).catch(() => {});
      await chain;
      await conn?.close().catch(() => {});
      await loop;
    },
  };
}
export type AmqpConsumer = ReturnType<typeof startAmqpConsumer>;
