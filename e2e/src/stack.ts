/**
 * The whole platform for browser tests, in this process: identity, patient, schedule and the
 * gateway on random ports with real HTTP (supergraph/test/platform.ts), a small clinic
 * catalogue, and both Next.js apps built with `next build` and started with `next start`.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateVapidKeys } from '@medikamente/notifications';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
import { startApps } from '../../scripts/dev-apps';
import { codeIn, startDevMailbox } from '../../scripts/dev-mailbox';
import { startPlatform } from '../../supergraph/test/platform';

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

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });
}

export async function startStack() {
  // Reminder channels are configured (the portal offers them); no reminder is sent in e2e.
  const vapid = generateVapidKeys();
  // Sign-up codes go to a real local SMTP server; tests read them from there.
  const mailbox = await startDevMailbox();
  const platform = await startPlatform({
    identityEnv: mailbox.env,
    scheduleEnv: {
      NOTIFY_SMTP_URL: 'smtp://127.0.0.1:9',
      NOTIFY_SMS_URL: 'http://127.0.0.1:9/sms',
      NOTIFY_SMS_TOKEN: 'e2e',
      NOTIFY_PUSH_PUBLIC_KEY: vapid.publicKey,
      NOTIFY_PUSH_PRIVATE_KEY: vapid.privateKey,
    },
  });
  const { catalog, calendar } = platform.schedule.stores;
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
  for (let weekday = 1; weekday <= 7; weekday++) {
    await calendar.addTemplate({
      specialistId: doctor.id,
      branchId: branch.id,
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
  const receptionist = await platform.identity.createAccount({
    role: 'receptionist',
    login: 'reception@e2e.medikamente.test',
    password: 'reception-e2e-password',
    displayName: 'Васильева Елена Павловна',
    branchIds: [branch.id],
  });

  const dataDir = mkdtempSync(join(tmpdir(), 'mk-e2e-apps-'));
  const [portalPort, receptionPort] = [await freePort(), await freePort()];
  const apps = await startApps({
    gatewayUrl: platform.gatewayUrl,
    identityUrl: platform.identityUrl,
    dataDir,
    portalPort,
    receptionPort,
    stdio: 'ignore',
    log: () => {},
  });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];

  return {
    platform,
    branch,
    service,
    doctor,
    receptionist,
    mailbox,
    /** The sign-up code sent to `login` (waits for the message). */
    async signUpCode(login: string): Promise<string> {
      const code = codeIn(await mailbox.waitFor((m) => m.to === login.toLowerCase()));
      if (!code) throw new Error(`the message to ${login} has no code`);
      return code;
    },
    urls: apps.urls,
    /** A fresh browser profile (own cookies), Russian locale. */
    async context(viewport = { width: 1280, height: 900 }): Promise<BrowserContext> {
      const c = await browser.newContext({ locale: 'ru-RU', viewport });
      contexts.push(c);
      return c;
    },
    async stop() {
      for (const c of contexts) await c.close().catch(() => {});
      await browser.close().catch(() => {});
      await apps.stop();
      await platform.stop();
      await mailbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type Stack = Awaited<ReturnType<typeof startStack>>;
