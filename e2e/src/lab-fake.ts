/**
 * A stand-in gateway for the laboratory pages until the lab subgraph runs in the e2e stack: it
 * answers the apps' persisted operations by name from an in-memory clinic (one doctor, one
 * patient, one open visit, a small catalogue) and serves `labAlertRaised` over graphql-ws. It
 * keeps the API's rules that the pages rely on: a patient never gets unreleased results, and
 * ordering is idempotent by key. The real journey replaces it once the platform wiring lands.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { buildSchema, type ExecutionArgs, parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { CATALOGUE, FIXTURE, type LabOrder, type LabResult, seedOrders } from './lab-fixtures';

type Vars = Record<string, any>;
const jwt = (claims: object) =>
  `e30.${Buffer.from(JSON.stringify({ ...claims, exp: Math.floor(Date.now() / 1000) + 3600 })).toString('base64url')}.x`;

export async function startLabFakeGateway() {
  const orders: LabOrder[] = seedOrders();
  const alerts: Array<Record<string, any>> = [];
  const byKey = new Map<string, LabOrder[]>();
  const listeners = new Set<(alert: object) => void>();
  const order = (id: string) => orders.find((o) => o.id === id);
  const forPatient = (o: LabOrder): LabOrder => ({
    ...o,
    clinicalNote: null,
    results: o.status === 'RELEASED' ? o.results.filter((r) => r.released) : [],
  });
  const payload = (o: LabOrder | undefined, field = 'orderId') =>
    o
      ? { ok: true, inputErrors: [], order: o }
      : { ok: false, inputErrors: [{ field, code: 'NOT_FOUND', message: 'Не найдено' }], order: null };
  const signIn = ({ input }: Vars) => {
    const doctor = String(input.login).startsWith('doctor');
    return {
      ok: true,
      inputErrors: [],
      accessToken: jwt({ sub: doctor ? FIXTURE.doctorAccountId : 'patient', amr: ['pwd', 'otp'] }),
      refreshToken: randomUUID(),
      expiresIn: 3600,
      account: doctor
        ? {
            id: FIXTURE.doctorAccountId,
            role: 'doctor',
            displayName: 'Смирнов Алексей Викторович',
            patientId: null,
            branchIds: [FIXTURE.branch.id],
          }
        : {
            id: randomUUID(),
            role: 'patient',
            displayName: 'Соколова Анна Петровна',
            patientId: FIXTURE.patient.id,
            branchIds: [],
          },
    };
  };

  const handlers: Record<string, (v: Vars) => unknown> = {
    ReceptionSignIn: (v) => ({ signIn: signIn(v) }),
    PortalSignIn: (v) => ({ signIn: signIn(v) }),
    ReceptionSignOut: () => ({ signOut: { ok: true } }),
    PortalSignOut: () => ({ signOut: { ok: true } }),
    ReceptionMe: () => ({
      me: {
        id: FIXTURE.doctorAccountId,
        role: 'doctor',
        displayName: 'Смирнов Алексей Викторович',
        branchIds: [FIXTURE.branch.id],
        totpEnabled: true,
      },
      branches: [FIXTURE.branch],
    }),
    StaffDirectory: () => ({ branches: [FIXTURE.branch], specialists: [FIXTURE.specialist] }),
    DoctorToday: () => ({ doctorSchedule: [] }),
    DoctorPatient: () => ({ patient: FIXTURE.patient }),
    LabPatient: () => ({ patient: FIXTURE.patient }),
    RecordAccess: () => ({
      recordAccess: {
        patientId: FIXTURE.patient.id,
        level: 'FULL',
        breakGlassAvailable: false,
        breakGlassUntil: null,
      },
    }),
    PatientVisits: () => ({ visits: [] }),
    VisitWork: () => ({ visit: FIXTURE.visit, myVisitDraft: null }),
    LabTests: ({ search }: Vars) => {
      const words = String(search ?? '')
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean);
      return {
        labTests: CATALOGUE.filter((t) =>
          words.every((w) => `${t.code} ${t.name}`.toLowerCase().includes(w)),
        ),
      };
    },
    LabOrdersForVisit: ({ visitId }: Vars) => ({
      labOrdersForVisit: orders.filter((o) => o.visitId === visitId),
    }),
    PatientLabOrders: ({ patientId }: Vars) => ({
      labOrders: orders.filter((o) => o.patientId === patientId),
    }),
    LabOrdersToReview: () => ({ labOrdersToReview: orders.filter((o) => o.status === 'RESULTED') }),
    MyLabOrders: () => ({ myLabOrders: orders.map(forPatient) }),
    LabResultHistory: ({ testId }: Vars) => ({
      labResultHistory: orders
        .filter((o) => o.status === 'RELEASED')
        .flatMap((o) => o.results.filter((r) => r.released && r.testId === testId))
        .sort((a, b) => Date.parse(a.resultedAt) - Date.parse(b.resultedAt)),
    }),
    OrderLabTests: ({ input }: Vars) => {
      const known = byKey.get(input.idempotencyKey);
      if (known) return { orderLabTests: { ok: true, inputErrors: [], orders: known } };
      const tests = CATALOGUE.filter((t) => input.testIds.includes(t.id));
      const groups = new Map<string, typeof tests>();
      for (const t of tests) groups.set(t.specimenType, [...(groups.get(t.specimenType) ?? []), t]);
      const created = [...groups.values()].map((group) => {
        const o: LabOrder = {
          id: randomUUID(),
          patientId: input.patientId,
          visitId: input.visitId,
          priority: input.priority,
          clinicalNote: input.clinicalNote,
          status: 'ORDERED',
          statusReason: null,
          specimenCode: `S-${randomUUID().slice(0, 4).toUpperCase()}-${randomUUID().slice(0, 4).toUpperCase()}`,
          specimenType: group[0]!.specimenType,
          partnerName: group[0]!.partnerName,
          tests: group.map((t) => ({
            testId: t.id,
            code: t.code,
            name: t.name,
            unit: t.unit,
            resulted: false,
          })),
          results: [],
          reviewComment: null,
          createdAt: new Date().toISOString(),
          collectedAt: null,
          sentAt: null,
          resultedAt: null,
          releasedAt: null,
        };
        orders.unshift(o);
        return o;
      });
      byKey.set(input.idempotencyKey, created);
      return { orderLabTests: { ok: true, inputErrors: [], orders: created } };
    },
    RecordLabSpecimenStep: ({ input }: Vars) => {
      const o = order(input.orderId);
      if (o)
        Object.assign(o, {
          status: input.step,
          [input.step === 'SENT' ? 'sentAt' : 'collectedAt']: new Date().toISOString(),
        });
      return { recordLabSpecimenStep: payload(o) };
    },
    CancelLabOrder: ({ input }: Vars) => {
      const o = order(input.orderId);
      if (o) Object.assign(o, { status: 'CANCELLED', statusReason: input.reason });
      return { cancelLabOrder: payload(o) };
    },
    ReviewLabOrder: ({ input }: Vars) => {
      const o = order(input.orderId);
      if (o) {
        Object.assign(o, {
          status: 'RELEASED',
          reviewComment: input.patientComment,
          releasedAt: new Date().toISOString(),
        });
        for (const r of o.results) r.released = true;
      }
      return { reviewLabOrder: payload(o) };
    },
    LabAlerts: () => ({ labAlerts: alerts.filter((a) => !a.acknowledgedAt) }),
    AcknowledgeLabAlert: ({ alertId }: Vars) => {
      const a = alerts.find((x) => x.id === alertId);
      if (a) a.acknowledgedAt = new Date().toISOString();
      return { acknowledgeLabAlert: { ok: !!a, inputErrors: [], alert: a ?? null } };
    },
  };

  const http = createServer(async (req: IncomingMessage, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const { operationName, variables } = JSON.parse(body || '{}') as {
      operationName?: string;
      variables?: Vars;
    };
    const handler = operationName ? handlers[operationName] : undefined;
    res.setHeader('content-type', 'application/json');
    res.end(
      JSON.stringify(
        handler
          ? { data: handler(variables ?? {}) }
          : {
              data: null,
              errors: [{ message: `not faked: ${operationName}`, extensions: { code: 'NOT_FOUND' } }],
            },
      ),
    );
  });
  const wss = new WebSocketServer({ server: http, path: '/graphql' });
  const placeholder = buildSchema('type Query { ok: Boolean }');
  useServer(
    {
      onSubscribe: (_ctx, _id, p) => ({
        schema: placeholder,
        document: parse(p.query),
        operationName: p.operationName,
      }),
      subscribe: (_args: ExecutionArgs) =>
        (async function* () {
          const queue: object[] = [];
          let wake = () => {};
          const push = (a: object) => {
            queue.push(a);
            wake();
          };
          listeners.add(push);
          try {
            for (;;) {
              while (queue.length) yield { data: { labAlertRaised: queue.shift() } };
              await new Promise<void>((r) => {
                wake = r;
              });
            }
          } finally {
            listeners.delete(push);
          }
        })() as never,
    },
    wss,
  );
  await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
  const { port } = http.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    orders,
    /** The partner laboratory's results arrive for an order (RESULTED); a critical one raises an alert live. */
    postResults(orderId: string, results: Array<Omit<LabResult, 'id' | 'released' | 'previous'>>) {
      const o = order(orderId)!;
      const earlier = orders.filter((x) => x.status === 'RELEASED').flatMap((x) => x.results);
      o.results = results.map((r) => ({
        ...r,
        id: randomUUID(),
        released: false,
        previous: earlier
          .filter((e) => e.testId === r.testId)
          .map(({ id, numeric, resultedAt, flag }) => ({ id, numeric, resultedAt, flag })),
      }));
      Object.assign(o, { status: 'RESULTED', resultedAt: new Date().toISOString() });
      for (const r of o.results.filter((x) => x.critical)) {
        const alert = {
          id: randomUUID(),
          patientId: o.patientId,
          orderId: o.id,
          flag: r.flag,
          raisedAt: new Date().toISOString(),
          escalatedAt: null,
          acknowledgedAt: null,
          result: r,
        };
        alerts.unshift(alert);
        for (const l of listeners) l(alert);
      }
    },
    /** Whether a doctor's page holds the alert stream open (the banner can arrive live). */
    subscribers: () => listeners.size,
    async close() {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise((ok) => http.close(ok));
    },
  };
}
export type LabFakeGateway = Awaited<ReturnType<typeof startLabFakeGateway>>;
