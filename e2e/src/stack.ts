/**
 * The whole platform for browser tests, in this process: identity, patient, schedule, record, lab,
 * billing (with its register and payment provider emulators) and the gateway on random ports with
 * real HTTP (supergraph/test/platform.ts), a small clinic
 * catalogue, the demo laboratory catalogue with its partner laboratory's client, and both Next.js
 * apps built with `next build` and started with `next start`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateVapidKeys } from '@medikamente/notifications';
import { authenticator } from 'otplib';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { startApps } from '../../scripts/dev-apps';
import { partnerLabClient } from '../../scripts/dev-clients';
import { codeIn, startDevMailbox } from '../../scripts/dev-mailbox';
import { seedLabCatalogue } from '../../scripts/seed-lab';
import { loadTrustedDocuments, TRUSTED_DOCUMENTS_DIR } from '../../supergraph/src/trusted-documents';
import { type Platform, startPlatform } from '../../supergraph/test/platform';
import { startFilesForwarder } from './files-forwarder';

/** Where the record subgraph sends the security officer's break-glass alerts in e2e. */
export const SECURITY_MAILBOX = 'security@e2e.medikamente.test';
/** The lab's on-call mailbox for critical values in e2e (LAB_ALERT_EMAIL). */
export const LAB_ALERT_MAILBOX = 'lab-alerts@e2e.medikamente.test';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = () => existsSync(CHROMIUM);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Runs `fn` holding a lock shared by every test process of this checkout: test files that start
 * the apps in parallel must not run `next build` into the same `.next` at once.
 */
export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const lock = join(
    tmpdir(),
    `mk-e2e-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 16)}.lock`,
  );
  const deadline = Date.now() + 600_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than the longest build belongs to a process that died.
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 600_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`build lock ${lock} held too long`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

/** Headless Chromium with the flags this machine needs. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

/** Weekly templates: the doctor works 08:00–21:00 every day in the branch (30-minute grid). */
export async function workEveryDay(platform: Platform, specialistId: string, branchId: string) {
  for (let weekday = 1; weekday <= 7; weekday++)
    await platform.schedule.stores.calendar.addTemplate({
      specialistId,
      branchId,
      roomId: null,
      weekday,
      startTime: '08:00',
      endTime: '21:00',
      slotMinutes: 30,
      breaks: [],
      validFrom: null,
      validUntil: null,
    });
}

/**
 * A small clinic in the platform's schedule: one Moscow branch (no minimum notice), a
 * therapist's service, and a therapist working 08:00–21:00 every day.
 */
export async function seedClinic(platform: Platform) {
  const { catalog } = platform.schedule.stores;
  const created = await catalog.createBranch({
    name: 'Медикаменте на Тверской',
    address: 'г. Москва, ул. Тверская, д. 12',
    timeZone: 'Europe/Moscow',
  });
  const branch = (await catalog.updateBranchSettings(created.id, { minNoticeMinutes: 0 }))!;
  const service = await catalog.createService({
    name: 'Приём терапевта',
    specialty: 'Терапия',
    durationMinutes: 30,
  });
  const doctorAccount = await platform.account('doctor', { branchIds: [branch.id] });
  const doctor = await catalog.createSpecialist({
    accountId: doctorAccount.accountId,
    displayName: 'Иванова Мария Сергеевна',
    specialties: ['Терапия'],
    branchIds: [branch.id],
    serviceIds: [service.id],
  });
  await workEveryDay(platform, doctor.id, branch.id);
  return { branch, service, doctor };
}

/**
 * The whole platform and both apps. With `receptionTotp`, the receptionist is enrolled in TOTP
 * (sign in with `receptionCode()`); otherwise the receptionist enrols in a test. Billing sends
 * the payer back to the portal's «Договоры и оплаты» (PAYMENT_RETURN_URL); `billingEnv` adds to
 * billing's configuration.
 */
export async function startStack(
  opts: { receptionTotp?: boolean; billingEnv?: Record<string, string> } = {},
) {
  // Reminder channels are configured (the portal offers them); no reminder is sent in e2e.
  const vapid = generateVapidKeys();
  // Sign-up codes go to a real local SMTP server; tests read them from there.
  const mailbox = await startDevMailbox();
  const files = await startFilesForwarder();
  const dataDir = mkdtempSync(join(tmpdir(), 'mk-e2e-apps-'));
  // The apps' ports first: billing must know where the portal takes the payer back.
  const [portalPort, receptionPort] = [await freePort(), await freePort()];
  const platform = await startPlatform({
    // Partners call by the published document ids only, as the deployed gateway loads them.
    gateway: { trustedDocuments: loadTrustedDocuments(TRUSTED_DOCUMENTS_DIR) },
    identityEnv: mailbox.env,
    recordEnv: {
      // Break-glass alerts reach the security officer's mailbox (here: the dev mailbox).
      NOTIFY_SMTP_URL: mailbox.env.NOTIFY_SMTP_URL,
      SECURITY_ALERT_EMAIL: SECURITY_MAILBOX,
      // File links through the gateway's /files/record, as deployed.
      FILES_PUBLIC_URL: files.publicUrl,
    },
    labEnv: {
      // Critical values: the on-call mailbox is told (no names, no values) through the dev mailbox.
      NOTIFY_SMTP_URL: mailbox.env.NOTIFY_SMTP_URL,
      LAB_ALERT_EMAIL: LAB_ALERT_MAILBOX,
    },
    billingEnv: {
      PAYMENT_RETURN_URL: `http://127.0.0.1:${portalPort}/payments`,
      // Contract PDFs through the gateway's /files/billing, as deployed.
      FILES_PUBLIC_URL: files.billingPublicUrl,
      ...opts.billingEnv,
    },
    scheduleEnv: {
      NOTIFY_SMTP_URL: 'smtp://127.0.0.1:9',
      NOTIFY_SMS_URL: 'http://127.0.0.1:9/sms',
      NOTIFY_SMS_TOKEN: 'e2e',
      NOTIFY_PUSH_PUBLIC_KEY: vapid.publicKey,
      NOTIFY_PUSH_PRIVATE_KEY: vapid.privateKey,
    },
  });
  files.forwardTo(platform.gatewayUrl);
  const { branch, service, doctor } = await seedClinic(platform);
  // The demo partner laboratory (an identity client, kept in <dataDir>/partner-lab.json as `npm
  // start` keeps it) performs the demo catalogue.
  const partner = await partnerLabClient(dataDir, platform.identity);
  await seedLabCatalogue(platform.lab, partner);
  const receptionist = await platform.identity.createAccount({
    role: 'receptionist',
    login: 'reception@e2e.medikamente.test',
    password: 'reception-e2e-password',
    displayName: 'Васильева Елена Павловна',
    branchIds: [branch.id],
    totp: opts.receptionTotp ?? false,
  });

  const apps = await withBuildLock(() =>
    startApps({
      gatewayUrl: platform.gatewayUrl,
      identityUrl: platform.identityUrl,
      dataDir,
      portalPort,
      receptionPort,
      stdio: 'ignore',
      log: () => {},
    }),
  );
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];

  return {
    platform,
    branch,
    service,
    doctor,
    receptionist,
    urls: apps.urls,
    /** The receptionist's current TOTP code (with `receptionTotp`). */
    receptionCode(): string {
      if (!receptionist.totpSecret)
        throw new Error('startStack({ receptionTotp: true }) enrols the receptionist');
      return authenticator.generate(receptionist.totpSecret);
    },
    mailbox,
    partner,
    /**
     * Runs the sample partner client (scripts/partner-lab.ts) once as a child process, with the
     * demo laboratory's credentials file, against this gateway (document ids only); resolves to
     * its output, rejects when it fails.
     */
    partnerLab(args: string[] = []): Promise<string> {
      return new Promise((ok, fail) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', join(ROOT, 'scripts/partner-lab.ts'), '--once', ...args],
          {
            cwd: ROOT,
            env: {
              ...process.env,
              PARTNER_LAB_GATEWAY_URL: platform.url,
              PARTNER_LAB_TOKEN_URL: `${platform.identityUrl}/oauth/token`,
              PARTNER_LAB_CREDENTIALS_FILE: join(dataDir, 'partner-lab.json'),
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        );
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.stderr.on('data', (d: Buffer) => {
          out += d.toString();
        });
        child.once('error', fail);
        child.once('exit', (code) =>
          code === 0 ? ok(out) : fail(new Error(`partner-lab exited ${code}:\n${out}`)),
        );
      });
    },
    /** The sign-up code sent to `login` (waits for the message). */
    async signUpCode(login: string): Promise<string> {
      const code = codeIn(await mailbox.waitFor((m) => m.to === login.toLowerCase()));
      if (!code) throw new Error(`the message to ${login} has no code`);
      return code;
    },
    /** A fresh browser profile (own cookies), Russian locale unless another is given. */
    async context(
      viewport = { width: 1280, height: 900 },
      opts: { locale?: string; timezoneId?: string } = {},
    ): Promise<BrowserContext> {
      const c = await browser.newContext({ locale: 'ru-RU', viewport, ...opts });
      contexts.push(c);
      return c;
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await apps.stop();
      await platform.stop();
      await files.close();
      await mailbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type Stack = Awaited<ReturnType<typeof startStack>>;
