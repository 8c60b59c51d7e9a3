import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkEventsEnv, commonEnv, eventsEnv, parseEnv } from '../src/env';

const schema = z.object({ ...commonEnv, ...eventsEnv }).superRefine(checkEventsEnv);
const load = (source: Record<string, string>) => parseEnv(schema, source);

describe('broker settings', () => {
  it('refuses plain amqp:// in production unless explicitly allowed', () => {
    const plain = { NODE_ENV: 'production', EVENTS_AMQP_URL: 'amqp://schedule:pw@broker:5672/medikamente' };
    expect(() => load(plain)).toThrow(/EVENTS_AMQP_URL: production needs TLS/);
    expect(load({ ...plain, EVENTS_AMQP_ALLOW_PLAIN: 'true' }).EVENTS_AMQP_URL).toBe(plain.EVENTS_AMQP_URL);
    const tls = { ...plain, EVENTS_AMQP_URL: 'amqps://schedule:pw@broker:5671/medikamente' };
    expect(load(tls).EVENTS_AMQP_PREFETCH).toBe(10);
    expect(load({ EVENTS_AMQP_URL: plain.EVENTS_AMQP_URL }).NODE_ENV).toBe('development');
    expect(load({}).EVENTS_AMQP_URL).toBeUndefined();
    expect(load({ NODE_ENV: 'production', EVENTS_AMQP_URL: '' }).EVENTS_AMQP_URL).toBeUndefined();
  });
});
