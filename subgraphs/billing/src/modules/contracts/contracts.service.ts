import {
  appError,
  type Database,
  ErrorCode,
  IdempotencyMismatchError,
  IdempotencyStore,
  type InputError,
  inputError,
  type Principal,
} from '@medikamente/runtime';
import { codes } from '../../error-codes.generated';
import { requireOwnBranch } from '../branches';
import {
  ContractDataError,
  type ContractPerson,
  type ContractServiceLine,
  contractPdf,
  DEFAULT_CONTRACT_TEMPLATE,
  type DocumentIssue,
  renderContract,
  safeParseContractTemplate,
} from '../documents';
import { clinicToday, type Outcome } from '../invoices/invoices.service';
import { MAX_KOPECKS } from '../money';
import type { PriceStore } from '../prices/prices.store';
import { idempotentWrite } from '../refused';
import type {
  AcceptanceChannel,
  ContractRecord,
  ContractSnapshot,
  ContractStore,
  ContractTemplateRecord,
} from './contracts.store';

export type CreateContractInput = {
  patientId: string;
  branchId: string;
  patient: ContractPerson;
  representative: (ContractPerson & { basis: string }) | null;
  payer: ContractPerson | null;
  services: Array<{ priceItemId: string; quantity: number }>;
  provisionTerms: string;
  city: string | null;
  idempotencyKey: string;
};

/** Printed when the desk gives no terms: the visit itself is booked in the schedule. */
export const DEFAULT_PROVISION_TERMS =
  'по предварительной записи, в дни и часы работы Исполнителя; дата и время приёма согласуются с Потребителем при записи';

/** Rolls back a template save that lost the race for its version number. */
class VersionTaken extends Error {}

/** Russian issues of the document validators as the payload's input errors, under `prefix`. */
export const issuesAsInputErrors = (issues: DocumentIssue[], prefix: string, code: InputError['code']) =>
  issues.map((i) => inputError(i.path ? `${prefix}.${i.path}` : prefix, code, i.message));

/**
 * Contracts for paid medical services: versioned templates (version 1 is the default template,
 * written when first needed), drafts made at the desk from the patient's details and the branch's
 * prices of the day, concluded once — accepted by the patient in the portal or signed at the desk.
 * The PDF is rendered from the stored snapshot and its template version.
 */
export class ContractService {
  private readonly idempotency: IdempotencyStore;
  constructor(
    private readonly deps: {
      database: Database;
      contracts: ContractStore;
      prices: PriceStore;
      clinicTimeZone: string;
    },
  ) {
    this.idempotency = new IdempotencyStore(deps.database);
  }

  /** The template in force; the default one becomes version 1 when none was saved yet. */
  async currentTemplate(): Promise<ContractTemplateRecord> {
    const current = await this.deps.contracts.currentTemplate();
    if (current) return current;
    await this.deps.contracts.addTemplate(DEFAULT_CONTRACT_TEMPLATE, 'system');
    return (await this.deps.contracts.currentTemplate())!;
  }

  /**
   * Saves a new version from the editor's JSON. The server numbers versions (a `version` in the
   * body is ignored); the body is validated as a whole, Decree No. 736 items included.
   */
  async saveTemplate(
    principal: Principal,
    input: { body: string; idempotencyKey: string },
  ): Promise<Outcome<ContractTemplateRecord>> {
    const by = principal.subject;
    if (!by) throw appError(ErrorCode.UNAUTHENTICATED);
    let body: unknown;
    try {
      body = JSON.parse(input.body);
    } catch {
      return fail([inputError('input.body', ErrorCode.BAD_USER_INPUT, 'Шаблон должен быть корректным JSON')]);
    }
    if (!body || typeof body !== 'object' || Array.isArray(body))
      return fail([inputError('input.body', ErrorCode.BAD_USER_INPUT, 'Шаблон — JSON-объект')]);
    const checked = safeParseContractTemplate({ ...body, version: 1 });
    if (!checked.ok)
      return fail(issuesAsInputErrors(checked.issues, 'input.body', codes.CONTRACT_TEMPLATE_INVALID));
    try {
      const saved = await this.deps.database.tx(async () => {
        const current = await this.currentTemplate();
        const version = current.version + 1;
        const claim = await this.idempotency.claim({
          principal,
          key: input.idempotencyKey,
          operation: 'saveContractTemplate',
          request: { body: input.body },
          result: { version },
        });
        if (claim.status === 'mismatch') throw new IdempotencyMismatchError('input.idempotencyKey');
        if (claim.status === 'replayed')
          return (await this.deps.contracts.templates([claim.result.version])).get(claim.result.version)!;
        const added = await this.deps.contracts.addTemplate({ ...checked.template, version }, by);
        if (!added) throw new VersionTaken();
        return added;
      });
      return { ok: true, value: saved };
    } catch (e) {
      if (e instanceof IdempotencyMismatchError) return fail([e.toInputError()]);
      if (e instanceof VersionTaken)
        return fail([
          inputError(
            'input.body',
            ErrorCode.CONFLICT,
            'Шаблон только что сохранили; обновите его и сохраните снова',
          ),
        ]);
      throw e;
    }
  }

  /** A draft contract for the patient: the services priced from the branch's price list of today. */
  async create(principal: Principal, input: CreateContractInput): Promise<Outcome<ContractRecord>> {
    const by = principal.subject;
    if (!by) throw appError(ErrorCode.UNAUTHENTICATED);
    requireOwnBranch(principal, input.branchId, 'Договор другого филиала');
    const today = clinicToday(this.deps.clinicTimeZone);
    const items = await this.deps.prices.byIds(input.services.map((s) => s.priceItemId));
    const errors: InputError[] = [];
    const services = input.services.flatMap((s, i): ContractServiceLine[] => {
      const item = items.get(s.priceItemId);
      const field = `input.services.${i}.priceItemId`;
      if (!item || item.branchId !== input.branchId) {
        errors.push(inputError(field, codes.UNKNOWN_PRICE_ITEM, 'Нет такой позиции в прейскуранте филиала'));
        return [];
      }
      if (item.validFrom > today || (item.validTo !== null && item.validTo <= today))
        errors.push(inputError(field, codes.PRICE_NOT_VALID, `Цена «${item.name}» сегодня не действует`));
      return [
        { code: item.code, name: item.name, quantity: s.quantity, unitPriceKopecks: item.priceKopecks },
      ];
    });
    // One contract stays within MAX_KOPECKS, the domain's limit of a single amount (as an invoice).
    if (!errors.length && services.reduce((t, l) => t + l.quantity * l.unitPriceKopecks, 0) > MAX_KOPECKS)
      errors.push(inputError('input.services', ErrorCode.BAD_USER_INPUT, 'Сумма договора больше допустимой'));
    if (errors.length) return fail(errors);
    const template = await this.currentTemplate();
    const snapshot: ContractSnapshot = {
      number: 'Д-0000-000000',
      date: today,
      ...(input.city ? { city: input.city } : {}),
      patient: input.patient,
      ...(input.representative ? { representative: input.representative } : {}),
      ...(input.payer ? { payer: input.payer } : {}),
      services,
      provisionTerms: input.provisionTerms,
    };
    try {
      // The draft must print: a contract that cannot be rendered is refused before it exists.
      renderContract(template.template, snapshot);
    } catch (e) {
      if (e instanceof ContractDataError)
        return fail(issuesAsInputErrors(e.issues, 'input', codes.CONTRACT_DATA_INVALID));
      throw e;
    }
    const { idempotencyKey, ...request } = input;
    return idempotentWrite(
      { database: this.deps.database, idempotency: this.idempotency },
      { principal, key: idempotencyKey, operation: 'createContract', request },
      async (id) => {
        const number = await this.deps.contracts.nextNumber(Number(today.slice(0, 4)));
        return this.deps.contracts.insert({
          id,
          number,
          patientId: input.patientId,
          branchId: input.branchId,
          templateVersion: template.version,
          data: { ...snapshot, number },
          createdBy: by,
        });
      },
      async (id) => (await this.deps.contracts.byIds([id])).get(id)!,
    );
  }

  /**
   * Concludes a draft: PORTAL (the patient accepts their own contract; another's is not found) or
   * DESK (reception signs the paper copy). A concluded contract is returned as it is: accepting
   * twice changes nothing.
   */
  async conclude(
    principal: Principal,
    input: { contractId: string; channel: AcceptanceChannel; idempotencyKey: string | null },
    field: string,
  ): Promise<Outcome<ContractRecord>> {
    const by = principal.subject;
    if (!by) throw appError(ErrorCode.UNAUTHENTICATED);
    const notFound = fail([inputError(field, ErrorCode.NOT_FOUND, 'Договор не найден')]);
    const found = (await this.deps.contracts.byIds([input.contractId])).get(input.contractId);
    if (!found || (principal.role === 'patient' && principal.patientId !== found.patientId)) return notFound;
    if (principal.role !== 'patient') requireOwnBranch(principal, found.branchId, 'Договор другого филиала');
    if (found.status !== 'DRAFT') return { ok: true, value: found };
    try {
      const concluded = await this.deps.database.tx(async () => {
        if (input.idempotencyKey) {
          const claim = await this.idempotency.claim({
            principal,
            key: input.idempotencyKey,
            operation: input.channel === 'PORTAL' ? 'acceptContract' : 'signContractAtDesk',
            request: { contractId: input.contractId },
            result: { id: input.contractId },
          });
          if (claim.status === 'mismatch') throw new IdempotencyMismatchError('input.idempotencyKey');
        }
        const done = await this.deps.contracts.conclude(input.contractId, input.channel, by);
        // Concluded meanwhile (the other channel, or a twin request): as it stands now.
        return done ?? (await this.deps.contracts.byIds([input.contractId])).get(input.contractId)!;
      });
      return { ok: true, value: concluded };
    } catch (e) {
      if (e instanceof IdempotencyMismatchError) return fail([e.toInputError()]);
      throw e;
    }
  }

  /** The contract's PDF: its snapshot in its template version, with the acceptance line once accepted. */
  async pdf(contract: ContractRecord): Promise<Buffer> {
    const template = (await this.deps.contracts.templates([contract.templateVersion])).get(
      contract.templateVersion,
    );
    if (!template)
      throw new Error(`contract ${contract.id}: template version ${contract.templateVersion} missing`);
    return contractPdf(
      renderContract(template.template, {
        ...contract.data,
        ...(contract.acceptedAt && contract.acceptanceChannel
          ? { acceptance: { channel: contract.acceptanceChannel, at: contract.acceptedAt } }
          : {}),
      }),
    );
  }
}

function fail(inputErrors: InputError[]): { ok: false; inputErrors: InputError[] } {
  return { ok: false, inputErrors };
}
