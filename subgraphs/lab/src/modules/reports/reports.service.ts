import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  type BlobStorage,
  type Database,
  ErrorCode,
  inputError,
  type SubjectKeyring,
  sniffContent,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import type { OrderStore } from '../orders/orders.store';
import { PARTNER_RESULT_ID } from '../partner/partner.access';
import { asPartnerOrder, type PartnerAnswer, refused, specimenCodeError } from '../partner/partner.service';
import type { ResultStore } from '../results/results.store';
import type { ReportRecord, ReportStore } from './reports.store';

/** The data-key category of lab reports (one key per patient). */
export const HEALTH_KEYS = 'HEALTH';
const at = (id: string) => ({ table: 'lab_report', column: 'content', row: id });
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Partner PDF reports: only PDF (sniffed, no active content), at most `maxBytes`, attached to a
 * result message the partner posted; sealed under the patient's data key before storage. A repeat
 * of the same file answers as a replay; another file under the same result id is a conflict.
 */
export class ReportService {
  constructor(
    private readonly deps: {
      database: Database;
      orders: OrderStore;
      results: ResultStore;
      reports: ReportStore;
      keyring: SubjectKeyring;
      blobs: BlobStorage;
      maxBytes: number;
    },
  ) {}

  async attach(
    partner: string,
    input: { specimenCode: string; partnerResultId: string; pdfBase64: string },
  ): Promise<PartnerAnswer> {
    const code = specimenCodeError('input.specimenCode', input.specimenCode);
    if ('error' in code) return refused([code.error]);
    const b64 = input.pdfBase64.replace(/\s+/g, '');
    if (b64.length === 0 || b64.length > Math.ceil(this.deps.maxBytes / 3) * 4 + 4 || !BASE64.test(b64))
      return refused([
        inputError(
          'input.pdfBase64',
          codes.REPORT_INVALID,
          `Нужен PDF в base64, не больше ${this.deps.maxBytes} байт`,
        ),
      ]);
    const bytes = Buffer.from(b64, 'base64');
    const sniff = await sniffContent(bytes, 'report.pdf', { allow: ['application/pdf'] });
    if (!sniff.ok)
      return refused([
        inputError(
          'input.pdfBase64',
          codes.REPORT_INVALID,
          'Отчёт должен быть файлом PDF без активного содержимого',
        ),
      ]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const order = await this.deps.orders.lockBySpecimen(partner, code.code);
    if (!order)
      return refused([inputError('input.specimenCode', codes.UNKNOWN_SPECIMEN, 'Нет такого образца')]);
    // An id no result message could have (control characters, too long) has no post either.
    const post = PARTNER_RESULT_ID.test(input.partnerResultId)
      ? await this.deps.results.post(partner, input.partnerResultId)
      : null;
    if (!post || post.orderId !== order.id)
      return refused([
        inputError(
          'input.partnerResultId',
          ErrorCode.NOT_FOUND,
          'Сначала передайте результаты с этим идентификатором',
        ),
      ]);
    // A report attached before (or by a concurrent attach): its replay when the same file, else a conflict.
    const answerTo = (existing: ReportRecord): PartnerAnswer =>
      existing.sha256 === sha256
        ? { ok: true, inputErrors: [], replayed: true, orders: [asPartnerOrder(order)] }
        : refused([
            inputError(
              'input.partnerResultId',
              codes.RESULT_CONFLICT,
              'К этому результату уже приложен другой отчёт',
            ),
          ]);
    const existing = await this.deps.reports.find(order.id, input.partnerResultId);
    if (existing) return answerTo(existing);
    const id = randomUUID();
    const key = await this.deps.keyring.keyFor(order.patientId, HEALTH_KEYS);
    const storageKey = `lab-reports/${randomBytes(16).toString('hex')}`;
    await this.deps.blobs.put(storageKey, key.sealBytes(bytes, at(id)), {
      contentType: 'application/octet-stream',
    });
    const record: ReportRecord = {
      id,
      orderId: order.id,
      patientId: order.patientId,
      partnerResultId: input.partnerResultId,
      storageKey,
      sizeBytes: bytes.length,
      sha256,
    };
    try {
      await this.deps.database.tx(async () => {
        await this.deps.reports.insert(record);
      });
    } catch (e) {
      await this.deps.blobs.delete(storageKey);
      // A concurrent attach won the row.
      const won = await this.deps.reports.find(order.id, input.partnerResultId);
      if (!won) throw e;
      return answerTo(won);
    }
    return { ok: true, inputErrors: [], replayed: false, orders: [asPartnerOrder(order)] };
  }

  /** The report's bytes, opened with the patient's key. */
  async open(report: ReportRecord): Promise<Buffer> {
    const sealed = await this.deps.blobs.get(report.storageKey);
    if (!sealed) throw new Error('lab report content is missing from the blob storage');
    const key = await this.deps.keyring.keyFor(report.patientId, HEALTH_KEYS);
    return key.openBytes(sealed, at(report.id));
  }
}
