import { AuditLog, type BaseContext, type Database, type Logger } from '@medikamente/runtime';
import DataLoader from 'dataloader';
import { DateTime } from 'luxon';
import type { BillingEnv } from './env';
import { fileOrganization, OneCExportService } from './modules/accounting/onec.service';
import { OneCExportStore } from './modules/accounting/onec-export.store';
import { createOneCODataClient } from './modules/accounting/onec-odata.client';
import { OneCSourceStore } from './modules/accounting/onec-source.store';
import { ReconciliationService } from './modules/accounting/reconciliation.service';
import { ReconciliationStore } from './modules/accounting/reconciliation.store';
import { TaxCertificateService } from './modules/certificates/certificates.service';
import { type TaxCertificateRecord, TaxCertificateStore } from './modules/certificates/certificates.store';
import { ContractService } from './modules/contracts/contracts.service';
import { type ContractRecord, ContractStore } from './modules/contracts/contracts.store';
import { AtolWebServerRegister } from './modules/fiscal/atol-web-server.adapter';
import { Registers } from './modules/fiscal/registers';
import { ShiftService } from './modules/fiscal/shifts.service';
import { ShiftStore } from './modules/fiscal/shifts.store';
import { InvoiceService } from './modules/invoices/invoices.service';
import {
  type InvoiceCancellationRecord,
  type InvoiceLineRecord,
  type InvoiceRecord,
  InvoiceStore,
  type InvoiceTotals,
} from './modules/invoices/invoices.store';
import { LabOrderBilling } from './modules/invoices/lab-orders.service';
import { LabOrderStore } from './modules/invoices/lab-orders.store';
import type { PaymentProvider } from './modules/online/provider.port';
import { YooKassaProvider } from './modules/online/yookassa.adapter';
import { DeskPaymentService } from './modules/payments/desk.service';
import { OnlinePaymentService } from './modules/payments/online.service';
import {
  type PaymentRecord,
  PaymentStore,
  type ReceiptRecord,
  type RefundRecord,
} from './modules/payments/payments.store';
import { RefundService } from './modules/payments/refunds.service';
import { paymentRetryJob } from './modules/payments/retry.job';
import { PriceStore } from './modules/prices/prices.store';

export type Stores = {
  prices: PriceStore;
  invoices: InvoiceStore;
  labOrders: LabOrderStore;
  payments: PaymentStore;
  shifts: ShiftStore;
  contracts: ContractStore;
  certificates: TaxCertificateStore;
  reconciliation: ReconciliationStore;
  onecMap: OneCExportStore;
  onecSource: OneCSourceStore;
  audit: AuditLog;
};

/** The subgraph's stores on its database. */
export const createStores = (database: Database): Stores => ({
  prices: new PriceStore(database),
  invoices: new InvoiceStore(database),
  labOrders: new LabOrderStore(database),
  payments: new PaymentStore(database),
  shifts: new ShiftStore(database),
  contracts: new ContractStore(database),
  certificates: new TaxCertificateStore(database),
  reconciliation: new ReconciliationStore(database),
  onecMap: new OneCExportStore(database),
  onecSource: new OneCSourceStore(database),
  audit: new AuditLog(database),
});

export type Services = {
  invoices: InvoiceService;
  /** Lab orders (the lab's events) become invoices, or wait for the cashier with a note. */
  labOrders: LabOrderBilling;
  desk: DeskPaymentService;
  online: OnlinePaymentService;
  refunds: RefundService;
  shifts: ShiftService;
  registers: Registers;
  contracts: ContractService;
  certificates: TaxCertificateService;
  provider: PaymentProvider | null;
  /** Finishes payments and refunds a dependency being down left unfinished (`runOnce` for tests). */
  retry: ReturnType<typeof paymentRetryJob>;
  reconciliation: ReconciliationService;
  /** The export to 1C (a background job; `runOnce` for the accountant and tests) and its file fallback. */
  onecExport: OneCExportService;
};

/** Domain services on the stores; the register and provider drivers come from the settings. */
export function createServices(deps: {
  stores: Stores;
  env: BillingEnv;
  database: Database;
  logger: Logger;
}): Services {
  const { stores, env, database, logger } = deps;
  const registers = Registers.fromSettings(
    { branches: env.FISCAL_REGISTERS, defaultUrl: env.FISCAL_REGISTER_URL, onlineUrl: env.ONLINE_FISCAL_URL },
    (url) => new AtolWebServerRegister({ baseUrl: url, timeoutMs: env.FISCAL_TIMEOUT_MS }),
  );
  const provider =
    env.YOOKASSA_SHOP_ID && env.YOOKASSA_SECRET_KEY
      ? new YooKassaProvider({
          baseUrl: env.YOOKASSA_URL,
          shopId: env.YOOKASSA_SHOP_ID,
          secretKey: env.YOOKASSA_SECRET_KEY,
          timeoutMs: env.FISCAL_TIMEOUT_MS,
        })
      : null;
  const payments = { database, invoices: stores.invoices, payments: stores.payments, logger };
  const fiscalWaitMs = env.FISCAL_WAIT_MS;
  const desk = new DeskPaymentService({ ...payments, registers, shifts: stores.shifts, fiscalWaitMs });
  const online = new OnlinePaymentService({
    ...payments,
    provider,
    registers,
    returnUrl: env.PAYMENT_RETURN_URL,
    fiscalWaitMs,
  });
  const refunds = new RefundService({ ...payments, provider, registers, fiscalWaitMs });
  const zone = env.CLINIC_TIME_ZONE;
  const contracts = new ContractService({
    database,
    contracts: stores.contracts,
    prices: stores.prices,
    clinicTimeZone: zone,
  });
  return {
    contracts,
    certificates: new TaxCertificateService({
      database,
      certificates: stores.certificates,
      invoices: stores.invoices,
      contracts,
      clinicTimeZone: zone,
    }),
    registers,
    provider,
    desk,
    online,
    refunds,
    retry: paymentRetryJob({
      payments: stores.payments,
      desk,
      online,
      refunds,
      logger,
      intervalMs: env.PAYMENT_RETRY_MS,
    }),
    invoices: new InvoiceService({
      database,
      invoices: stores.invoices,
      prices: stores.prices,
      clinicTimeZone: env.CLINIC_TIME_ZONE,
      cashierDiscountPercent: env.CASHIER_DISCOUNT_PERCENT,
    }),
    labOrders: new LabOrderBilling({
      database,
      labOrders: stores.labOrders,
      invoices: stores.invoices,
      payments: stores.payments,
      prices: stores.prices,
      clinicTimeZone: env.CLINIC_TIME_ZONE,
    }),
    shifts: new ShiftService({ registers, shifts: stores.shifts, logger, fiscalWaitMs }),
    reconciliation: new ReconciliationService({
      store: stores.reconciliation,
      shifts: stores.shifts,
      registers,
      provider,
      timeZone: env.CLINIC_TIME_ZONE,
      logger,
    }),
    onecExport: oneCExportService(stores, env, logger),
  };
}

/** The 1C export from the settings: OData when ONEC_ODATA_URL is set, the file when the organization is. */
function oneCExportService(stores: Stores, env: BillingEnv, logger: Logger): OneCExportService {
  const odata = env.ONEC_ODATA_URL && env.ONEC_USER && env.ONEC_PASSWORD && env.ONEC_ORGANIZATION_KEY;
  return new OneCExportService({
    source: stores.onecSource,
    map: stores.onecMap,
    client: odata
      ? createOneCODataClient({
          baseUrl: env.ONEC_ODATA_URL!,
          user: env.ONEC_USER!,
          password: env.ONEC_PASSWORD!,
          timeoutMs: env.ONEC_TIMEOUT_MS,
        })
      : null,
    config: odata
      ? {
          organizationKey: env.ONEC_ORGANIZATION_KEY!,
          cardPaymentKindKey: env.ONEC_CARD_PAYMENT_KIND_KEY,
          onlinePaymentKindKey: env.ONEC_ONLINE_PAYMENT_KIND_KEY,
          timeZone: env.CLINIC_TIME_ZONE,
        }
      : null,
    organization: fileOrganization({
      key: env.ONEC_ORGANIZATION_KEY,
      name: env.ONEC_ORGANIZATION_NAME,
      inn: env.ONEC_ORGANIZATION_INN,
      kpp: env.ONEC_ORGANIZATION_KPP,
    }),
    timeZone: env.CLINIC_TIME_ZONE,
    since: env.ONEC_EXPORT_FROM
      ? DateTime.fromISO(env.ONEC_EXPORT_FROM, { zone: env.CLINIC_TIME_ZONE }).toJSDate()
      : null,
    logger,
    intervalMs: env.ONEC_EXPORT_INTERVAL_MS,
    backoff: { baseMs: env.ONEC_BACKOFF_BASE_MS, maxMs: env.ONEC_BACKOFF_MAX_MS },
    timeoutMs: env.ONEC_TIMEOUT_MS,
  });
}

export type BillingContext = BaseContext & {
  stores: Stores;
  services: Services;
  env: BillingEnv;
  loaders: ReturnType<typeof createLoaders>;
};

const byKey =
  <T>(load: (ids: readonly string[]) => Promise<Map<string, T>>, fallback: T | null = null) =>
  () =>
    new DataLoader<string, T | null>(async (ids) => {
      const found = await load(ids);
      return ids.map((id) => found.get(id) ?? fallback);
    });

/** Per-request loaders on top of the stores (no N+1 for lists and _entities). */
export function createLoaders(stores: Stores) {
  return {
    invoice: byKey<InvoiceRecord>((ids) => stores.invoices.byIds(ids))(),
    lines: byKey<InvoiceLineRecord[]>((ids) => stores.invoices.lines(ids), [])(),
    totals: byKey<InvoiceTotals>((ids) => stores.invoices.totals(ids))(),
    cancellation: byKey<InvoiceCancellationRecord>((ids) => stores.invoices.cancellations(ids))(),
    paymentsOfInvoice: byKey<PaymentRecord[]>((ids) => stores.payments.forInvoices(ids), [])(),
    payment: byKey<PaymentRecord>((ids) => stores.payments.byIds(ids))(),
    refundsOfPayment: byKey<RefundRecord[]>((ids) => stores.payments.refundsOf(ids), [])(),
    receiptsOfPayment: byKey<ReceiptRecord[]>((ids) => stores.payments.receiptsOf(ids), [])(),
    refund: byKey<RefundRecord>((ids) => stores.payments.refundsByIds(ids))(),
    receipt: byKey<ReceiptRecord>((ids) => stores.payments.receiptsByIds(ids))(),
    contract: byKey<ContractRecord>((ids) => stores.contracts.byIds(ids))(),
    certificate: byKey<TaxCertificateRecord>((ids) => stores.certificates.byIds(ids))(),
  };
}
