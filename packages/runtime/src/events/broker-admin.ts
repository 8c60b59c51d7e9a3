import { execFile } from 'node:child_process';
import amqp from 'amqplib';
import { type BrokerService, brokerPermissions, declareConsumer, declareProducer } from './amqp';

/** What setting up the broker needs from RabbitMQ's administration (vhosts, users, connections). */
export type BrokerAdmin = {
  kind: 'management-api' | 'rabbitmqctl';
  addVhost(vhost: string): Promise<void>;
  deleteVhost(vhost: string): Promise<void>;
  /** Creates the user or sets its password (no tags: it cannot use the management UI). */
  putUser(name: string, password: string): Promise<void>;
  deleteUser(name: string): Promise<void>;
  setPermissions(
    vhost: string,
    user: string,
    p: { configure: string; write: string; read: string },
  ): Promise<void>;
  /** Closes every client connection of a vhost from the server side (as a broker restart does). */
  closeConnections(vhost: string, reason: string): Promise<void>;
};

/** RabbitMQ's management HTTP API (plugin `rabbitmq_management`). */
export function managementApi(baseUrl: string, user: string, password: string): BrokerAdmin {
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(new URL(`/api/${path}`, baseUrl), {
      method,
      headers: { authorization: auth, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok && !(method === 'DELETE' && res.status === 404))
      throw new Error(`management API ${method} ${path} answered ${res.status}`);
    return res.status === 204 || method !== 'GET' ? undefined : res.json();
  };
  const v = encodeURIComponent;
  return {
    kind: 'management-api',
    addVhost: async (vhost) => void (await call('PUT', `vhosts/${v(vhost)}`, {})),
    deleteVhost: async (vhost) => void (await call('DELETE', `vhosts/${v(vhost)}`)),
    putUser: async (name, pw) => void (await call('PUT', `users/${v(name)}`, { password: pw, tags: '' })),
    deleteUser: async (name) => void (await call('DELETE', `users/${v(name)}`)),
    setPermissions: async (vhost, u, p) => void (await call('PUT', `permissions/${v(vhost)}/${v(u)}`, p)),
    async closeConnections(vhost, reason) {
      // The API lists a connection only after the next statistics round (up to 5 s): close what
      // was open when called, round after round, without touching the clients' reconnections.
      const before = Date.now();
      const closed = new Set<string>();
      while (Date.now() - before < 6000) {
        const list = (await call('GET', `vhosts/${v(vhost)}/connections`)) as Array<{
          name: string;
          connected_at: number;
        }>;
        for (const c of list)
          if (c.connected_at <= before && !closed.has(c.name)) {
            closed.add(c.name);
            await call('DELETE', `connections/${v(c.name)}`, undefined, { 'x-reason': reason });
          }
        await new Promise((r) => setTimeout(r, 500));
      }
    },
  };
}

/** `rabbitmqctl` on the broker's own machine (needs the node's Erlang cookie: root or rabbitmq). */
export function rabbitmqctl(binary = 'rabbitmqctl'): BrokerAdmin {
  const run = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(binary, args, { timeout: 60_000 }, (err, stdout, stderr) =>
        err ? reject(new Error(`rabbitmqctl ${args[0]} failed: ${stderr || err.message}`)) : resolve(stdout),
      );
      // Passwords go through standard input, never the process list.
      child.stdin?.end(input ?? '');
    });
  return {
    kind: 'rabbitmqctl',
    addVhost: async (vhost) => void (await run(['add_vhost', vhost])),
    deleteVhost: async (vhost) => void (await run(['delete_vhost', vhost]).catch(() => {})),
    async putUser(name, password) {
      try {
        await run(['add_user', name], password);
      } catch (err) {
        if (!/already.?exists/i.test((err as Error).message)) throw err;
        await run(['change_password', name], password);
      }
    },
    deleteUser: async (name) => void (await run(['delete_user', name]).catch(() => {})),
    setPermissions: async (vhost, user, p) =>
      void (await run(['set_permissions', '-p', vhost, user, p.configure, p.write, p.read])),
    closeConnections: async (vhost, reason) =>
      void (await run(['close_all_connections', '-p', vhost, '--per-connection-delay', '0', reason])),
  };
}

/**
 * The administration that works here: the management API when it answers, else `rabbitmqctl`
 * when it reaches the node; otherwise the reason neither does.
 */
export async function findBrokerAdmin(
  opts: { managementUrl?: string; user?: string; password?: string } = {},
): Promise<BrokerAdmin | { unavailable: string }> {
  const api = managementApi(
    opts.managementUrl ?? 'http://127.0.0.1:15672',
    opts.user ?? 'guest',
    opts.password ?? 'guest',
  );
  const reasons: string[] = [];
  try {
    const res = await fetch(new URL('/api/overview', opts.managementUrl ?? 'http://127.0.0.1:15672'), {
      headers: {
        authorization: `Basic ${Buffer.from(`${opts.user ?? 'guest'}:${opts.password ?? 'guest'}`).toString('base64')}`,
      },
      signal: AbortSignal.timeout(2000),
    });
    if (res.ok) return api;
    reasons.push(`management API answered ${res.status}`);
  } catch (err) {
    reasons.push(`management API unreachable (${(err as Error).message})`);
  }
  const ctl = rabbitmqctl();
  try {
    await new Promise<void>((resolve, reject) =>
      execFile('rabbitmqctl', ['-q', 'list_vhosts'], { timeout: 30_000 }, (err) =>
        err ? reject(err) : resolve(),
      ),
    );
    return ctl;
  } catch (err) {
    reasons.push(`rabbitmqctl failed (${(err as Error).message.split('\n')[0]})`);
  }
  return { unavailable: reasons.join('; ') };
}

export type BrokerSetup = {
  admin: BrokerAdmin;
  /** An administrator's AMQP URL without vhost, e.g. amqp://guest:guest@127.0.0.1:5672 */
  adminUrl: string;
  vhost: string;
  services: BrokerService[];
  /** Password per service (its user is `<userPrefix><service>`). */
  passwords: Record<string, string>;
  userPrefix?: string;
};

/** A service's AMQP URL: its own user on the vhost (same scheme, host and port as `adminUrl`). */
export function serviceAmqpUrl(
  s: Pick<BrokerSetup, 'adminUrl' | 'vhost' | 'userPrefix'>,
  service: string,
  password: string,
) {
  const u = new URL(s.adminUrl);
  u.username = encodeURIComponent(`${s.userPrefix ?? ''}${service}`);
  u.password = encodeURIComponent(password);
  u.pathname = `/${encodeURIComponent(s.vhost)}`;
  return u.toString();
}

/**
 * Creates (idempotently) the vhost, one user per service with its permissions, every producer's
 * exchange and every consumer's queue, bindings and dead-letter queue. Returns each service's
 * AMQP URL (its EVENTS_AMQP_URL).
 */
export async function setupBroker(s: BrokerSetup): Promise<Record<string, string>> {
  await s.admin.addVhost(s.vhost);
  // The administrator declares the exchanges and queues below (rabbitmqctl grants nothing).
  const admin = decodeURIComponent(new URL(s.adminUrl).username || 'guest');
  const urls: Record<string, string> = {};
  // rabbitmqctl takes seconds per call: users are set up side by side.
  await Promise.all([
    s.admin.setPermissions(s.vhost, admin, { configure: '.*', write: '.*', read: '.*' }),
    ...s.services.map(async (service) => {
      const password = s.passwords[service.name];
      if (!password) throw new Error(`no broker password for ${service.name}`);
      const user = `${s.userPrefix ?? ''}${service.name}`;
      await s.admin.putUser(user, password);
      await s.admin.setPermissions(s.vhost, user, brokerPermissions(service));
      urls[service.name] = serviceAmqpUrl(s, service.name, password);
    }),
  ]);
  const u = new URL(s.adminUrl);
  u.pathname = `/${encodeURIComponent(s.vhost)}`;
  const conn = await amqp.connect(u.toString());
  try {
    const ch = await conn.createConfirmChannel();
    // Exchanges first: consumers bind to producers' exchanges.
    for (const service of s.services) if (service.produces) await declareProducer(ch, service.name);
    for (const service of s.services) for (const c of service.consumers ?? []) await declareConsumer(ch, c);
  } finally {
    await conn.close();
  }
  return urls;
}
