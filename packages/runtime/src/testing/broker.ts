import { randomBytes } from 'node:crypto';
import amqp from 'amqplib';
import type { BrokerService } from '../events/amqp';
import { type BrokerAdmin, findBrokerAdmin, setupBroker } from '../events/broker-admin';
import { testEnv } from './env';

const ADMIN_URL = testEnv.amqpAdminUrl;

export type TestBroker = {
  vhost: string;
  admin: BrokerAdmin;
  /** Each service's AMQP URL (its own user on the test vhost). */
  urls: Record<string, string>;
  /** The administrator's URL on the test vhost (to inspect queues). */
  adminUrl: string;
  /** Deletes the vhost (with its exchanges and queues) and the users. */
  drop(): Promise<void>;
};

/**
 * A throw-away vhost on the real RabbitMQ (127.0.0.1:5672 or TEST_AMQP_URL) with one user per
 * service and the services' exchanges and queues — or why that is not possible here.
 */
export async function createTestBroker(
  services: BrokerService[],
): Promise<TestBroker | { unavailable: string }> {
  try {
    const probe = await amqp.connect(ADMIN_URL, { timeout: 3000 });
    await probe.close();
  } catch (err) {
    return {
      unavailable: `RabbitMQ does not answer at ${new URL(ADMIN_URL).host} (${(err as Error).message})`,
    };
  }
  const admin = await findBrokerAdmin();
  if ('unavailable' in admin) return { unavailable: `no broker administration: ${admin.unavailable}` };
  const id = randomBytes(4).toString('hex');
  const vhost = `mk-test-${id}`;
  const userPrefix = `mk-test-${id}-`;
  const passwords = Object.fromEntries(services.map((s) => [s.name, randomBytes(12).toString('hex')]));
  const drop = async () => {
    await Promise.all([
      admin.deleteVhost(vhost),
      ...services.map((s) => admin.deleteUser(`${userPrefix}${s.name}`)),
    ]);
  };
  try {
    const urls = await setupBroker({ admin, adminUrl: ADMIN_URL, vhost, services, passwords, userPrefix });
    const adminUrl = new URL(ADMIN_URL);
    adminUrl.pathname = `/${vhost}`;
    return { vhost, admin, urls, adminUrl: adminUrl.toString(), drop };
  } catch (err) {
    await drop().catch(() => {});
    throw err;
  }
}

/**
 * Polls `check` every 50 ms until it holds (events cross processes asynchronously); gives up
 * with `what` after `tries` polls. A deadline for a hung test, not a timing assertion.
 */
export async function until(what: string, check: () => Promise<boolean>, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting: ${what}`);
}
