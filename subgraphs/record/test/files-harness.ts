import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestS3 } from '@medikamente/runtime/testing';
import { type RecordHarness, startRecordSubgraph } from './harness';

/** The public base the service writes into links; requests go to the running service instead. */
export const PUBLIC_BASE = 'http://files.record.test/files';

export const CONCLUSION = 'Острый бронхит, лёгкое течение; контроль через неделю';

/** A content a doctor signs (ICD-10 J20.9 is in the shipped subset). */
export const CONTENT = {
  complaints: 'Кашель с мокротой пятый день',
  diagnoses: [{ code: 'J20.9', kind: 'PRIMARY', certainty: 'CONFIRMED' }],
  conclusion: CONCLUSION,
  prescriptions: [{ drug: 'Амброксол', dose: '30 мг', frequency: '3 раза в день', duration: '5 дней' }],
};

export type Caller = { sub: string; token: string; patientId: string | null };

/**
 * The record subgraph with file storage for file tests: a temporary directory (fs) or an s3rver
 * bucket, links written against PUBLIC_BASE, helpers for the upload and download round trips.
 */
export async function startFiles(opts: { s3?: TestS3 } = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'mk-record-files-'));
  const h: RecordHarness = await startRecordSubgraph({
    FILES_PUBLIC_URL: PUBLIC_BASE,
    ATTACHMENT_MAX_BYTES: String(64 * 1024),
    ...(opts.s3 ? opts.s3.env('RECORD') : { RECORD_STORAGE: 'fs', RECORD_STORAGE_DIR: dir }),
  });
  const local = (url: string) => {
    if (!url.startsWith(`${PUBLIC_BASE}/`)) throw new Error(`link outside FILES_PUBLIC_URL: ${url}`);
    return `${h.origin}/files/${url.slice(PUBLIC_BASE.length + 1)}`;
  };

  const caller = async (role: string, extra: { amr?: string[]; sub?: string } = {}): Promise<Caller> => {
    const sub = extra.sub ?? randomUUID();
    const patientId = role === 'patient' ? randomUUID() : null;
    const token = await h.tokenFor({
      role,
      sub,
      ...(patientId ? { pid: patientId } : {}),
      ...(extra.amr ? { amr: extra.amr } : {}),
    });
    return { sub, token, patientId };
  };

  /** A care relationship of a doctor with a patient (as the schedule's events would give); its source. */
  const care = async (doctor: Caller, patientId: string) => {
    const source = `test:${randomUUID()}`;
    await h.service.stores.care.grant(doctor.sub, patientId, source, new Date(Date.now() + 86_400_000));
    return source;
  };

  /** Opens a visit through the API; with `sign`, writes and signs its note. */
  const visit = async (doctor: Caller, patientId: string, o: { sign?: boolean } = {}) => {
    const opened = await h.query(
      'mutation($i: OpenVisitInput!) { openVisit(input: $i) { ok inputErrors { code } visit { id } } }',
      { i: { patientId } },
      doctor.token,
    );
    if (!opened.data?.openVisit.ok) throw new Error(`openVisit: ${JSON.stringify(opened)}`);
    const visitId: string = opened.data.openVisit.visit.id;
    if (!o.sign) return { visitId, versionId: null as string | null };
    const saved = await h.query(
      'mutation($i: SaveVisitDraftInput!) { saveVisitDraft(input: $i) { ok inputErrors { code field } } }',
      { i: { visitId, content: CONTENT, expectedRevision: 0 } },
      doctor.token,
    );
    if (!saved.data?.saveVisitDraft.ok) throw new Error(`saveVisitDraft: ${JSON.stringify(saved)}`);
    const signed = await h.query(
      'mutation($i: SignVisitInput!) { signVisit(input: $i) { ok inputErrors { code } version { id } } }',
      { i: { visitId, idempotencyKey: randomUUID() } },
      doctor.token,
    );
    if (!signed.data?.signVisit.ok) throw new Error(`signVisit: ${JSON.stringify(signed)}`);
    return { visitId, versionId: signed.data.signVisit.version.id as string | null };
  };

  /** Asks for a one-time upload link (the GraphQL answer as it is). */
  const uploadLink = (caller: Caller, visitId: string) =>
    h.query(
      'mutation($i: RequestAttachmentUploadInput!) { requestAttachmentUpload(input: $i) { ok inputErrors { code field } link { url expiresAt } } }',
      { i: { visitId } },
      caller.token,
    );

  /** POSTs bytes to an upload link. */
  const post = (url: string, token: string | null, bytes: Uint8Array, fileName: string) =>
    fetch(local(url), {
      method: 'POST',
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent(fileName),
      },
      body: new Uint8Array(bytes),
    });

  /** Link + POST; the upload's response. */
  const upload = async (caller: Caller, visitId: string, bytes: Uint8Array, fileName: string) => {
    const r = await uploadLink(caller, visitId);
    const url = r.data?.requestAttachmentUpload.link?.url;
    if (!url) throw new Error(`requestAttachmentUpload: ${JSON.stringify(r)}`);
    return post(url, caller.token, bytes, fileName);
  };

  /** Asks for a download link (the GraphQL answer as it is). */
  const downloadLink = (
    caller: Caller,
    input: { attachmentId?: string; visitId?: string; visitVersionId?: string },
  ) =>
    h.query(
      'mutation($i: RequestDownloadInput!) { requestDownload(input: $i) { ok inputErrors { code field } link { url expiresAt } } }',
      { i: input },
      caller.token,
    );

  const get = (url: string, token: string | null) =>
    fetch(local(url), { headers: token ? { authorization: `Bearer ${token}` } : {} });

  /** Link + GET with the same caller. */
  const download = async (caller: Caller, input: Parameters<typeof downloadLink>[1]) => {
    const r = await downloadLink(caller, input);
    const url = r.data?.requestDownload.link?.url;
    if (!url) throw new Error(`requestDownload: ${JSON.stringify(r)}`);
    return get(url, caller.token);
  };

  /** Attachment rows of a visit, read raw. */
  const rows = (visitId: string) =>
    h.service.database.query<Record<string, unknown>>('select * from attachment where visit_id = $1', [
      visitId,
    ]);

  /** Every file under the fs storage (recursively). */
  const storedFiles = async (): Promise<string[]> =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));

  const audit = (patientId: string) => h.service.stores.audit.forPatient(patientId);

  return {
    h,
    dir,
    local,
    caller,
    care,
    visit,
    uploadLink,
    post,
    upload,
    downloadLink,
    get,
    download,
    rows,
    storedFiles,
    audit,
    async stop() {
      await h.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
export type Files = Awaited<ReturnType<typeof startFiles>>;
