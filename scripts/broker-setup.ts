/**
 * `pnpm broker:setup`: prepares RabbitMQ for events between services (ADR 0013) — the vhost, one
 * user per service with permissions that let it publish only to its own exchange and read only
 * its own queues, every producer's exchange, every consumer's queue with its bindings and its
 * dead-letter queue. Idempotent: run it again after adding a consumer.
 *
 * Administration goes through the management HTTP API when it answers (BROKER_MANAGEMENT_URL,
 * default http://127.0.0.1:15672), else through `rabbitmqctl` on this machine. Settings:
 *   BROKER_ADMIN_URL   administrator's AMQP URL (default amqp://guest:guest@127.0.0.1:5672;
 *                      amqps://… in production — the services' URLs use the same scheme and host)
 *   BROKER_VHOST       default `medikamente`
 * The services come from the subgraph manifest: each subgraph's optional `src/broker.ts`.
 * Passwords are generated on the first run and kept in `.data/broker-users.json` (owner-only;
 * MEDIKAMENTE_DATA_DIR moves it). The script prints each service's EVENTS_AMQP_URL.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrokerAdmin, setupBroker } from '@medikamente/runtime';
import { loadBrokerServices } from './broker-topology';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const DATA = resolve(process.env.MEDIKAMENTE_DATA_DIR || join(ROOT, '.data'));
const FILE = join(DATA, 'broker-users.json');
const brokerServices = await loadBrokerServices();
const adminUrl = process.env.BROKER_ADMIN_URL ?? 'amqp://guest:guest@127.0.0.1:5672';
const vhost = process.env.BROKER_VHOST ?? 'medikamente';

const admin = new URL(adminUrl);
const found = await findBrokerAdmin({
  managementUrl: process.env.BROKER_MANAGEMENT_URL,
  user: decodeURIComponent(admin.username || 'guest'),
  password: decodeURIComponent(admin.password || 'guest'),
});
if ('unavailable' in found) {
  console.error(`cannot administer RabbitMQ: ${found.unavailable}`);
  process.exit(1);
}
const passwords: Record<string, string> = existsSync(FILE) ? JSON.parse(readFileSync(FILE, 'utf8')) : {};
for (const s of brokerServices) passwords[s.name] ??= randomBytes(18).toString('base64url');
mkdirSync(DATA, { recursive: true });
writeFileSync(FILE, `${JSON.stringify(passwords, null, 2)}\n`, { mode: 0o600 });
chmodSync(FILE, 0o600);

const urls = await setupBroker({ admin: found, adminUrl, vhost, services: brokerServices, passwords });
console.error(`RabbitMQ vhost ${vhost} set up through ${found.kind}; passwords in ${FILE}`);
for (const [service, url] of Object.entries(urls)) console.log(`${service}: EVENTS_AMQP_URL=${url}`);
