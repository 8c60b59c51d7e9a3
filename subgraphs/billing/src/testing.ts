import { randomUUID } from 'node:crypto';
import type { FixtureRegistry, FixtureRequest, SubjectFixture } from '@medikamente/runtime/testing';
import { DateTime } from 'luxon';
import { fixtureCertificate, fixtureContract } from './modules/contracts/contracts.testing';
import type { BillingService } from './service';

/** The branch the fixtures bill in. */
export const FIXTURE_BRANCH = '5f0c2f4e-8a51-4c1e-9a4e-0d7f0b6b2a11';
/** The service the fixtures price (a schedule service id). */
export const FIXTURE_SERVICE = '7d2f7c1a-3b7e-4f0e-8a55-2f1c9d1e4b22';

const patientOf = (r: FixtureRequest) => {
  if (!r.subject.patientId) throw new Error('billing fixtures need a subject with a patient id');
  return r.subject.patientId;
};

/** A price item of the fixture branch valid from a year ago (a new code each time). */
export async function fixturePrice(
  service: BillingService,
  priceKopecks = 250_000,
  code = `CONS-${randomUUID().slice(0, 8)}`,
) {
  const item = await service.stores.prices.add(
    {
      branchId: FIXTURE_BRANCH,
      code,
      kind: 'SERVICE',
      refId: FIXTURE_SERVICE,
      name: 'Приём кардиолога, первичный',
      priceKopecks,
      vat: 'none',
      validFrom: DateTime.now().minus({ years: 1 }).toISODate()!,
      validTo: null,
    },
    'matrix-accountant',
  );
  return item!;
}

/** An invoice of the subject's for one consultation. */
async function invoiceOf(service: BillingService, r: FixtureRequest) {
  const price = await fixturePrice(service);
  return service.database.tx(() =>
    service.stores.invoices.insert(
      {
        id: randomUUID(),
        patientId: patientOf(r),
        branchId: FIXTURE_BRANCH,
        source: 'DESK',
        sourceId: null,
        createdBy: 'matrix-cashier',
      },
      [
        {
          lineNo: 1,
          priceItemId: price.id,
          name: price.name,
          unitPriceKopecks: price.priceKopecks,
          quantity: 1,
          discountKopecks: 0,
          discountReason: null,
          amountKopecks: price.priceKopecks,
          vat: 'none',
        },
      ],
    ),
  );
}

/** A cash payment of the invoice, captured and in the ledger (as the register would have printed it). */
async function paidInvoice(service: BillingService, r: FixtureRequest) {
  const invoice = await invoiceOf(service, r);
  const payment = await service.database.tx(async () => {
    const p = await service.stores.payments.insert({
      id: randomUUID(),
      invoiceId: invoice.id,
      patientId: invoice.patientId,
      method: 'CASH',
      amountKopecks: 250_000,
      status: 'PENDING_FISCAL',
      statusReason: null,
      registerId: 'matrix-register',
      providerPaymentId: null,
      confirmationUrl: null,
      customerContact: 'patient@example.org',
      createdBy: 'matrix-cashier',
    });
    await service.stores.payments.transition(p.id, ['PENDING_FISCAL'], 'CAPTURED');
    await service.stores.invoices.ledger(invoice.id, 'PAYMENT', p.amountKopecks, 'matrix-cashier', {
      paymentId: p.id,
    });
    await service.stores.payments.insertReceipt({
      id: p.id,
      paymentId: p.id,
      refundId: null,
      patientId: invoice.patientId,
      operation: 'SELL',
      registerId: 'matrix-register',
      body: {
        operation: 'sell',
        lines: [
          {
            name: 'Приём кардиолога, первичный',
            priceKopecks: 250_000,
            quantity: 1,
            amountKopecks: 250_000,
            measurementUnit: 'piece',
            vat: 'none',
            paymentMethod: 'fullPayment',
            paymentObject: 'service',
          },
        ],
        payments: [{ type: 'cash', sumKopecks: 250_000 }],
        totalKopecks: 250_000,
        customerContact: 'patient@example.org',
        operatorName: 'Кассир',
      },
      fiscal: {
        fiscalDocumentNumber: 17,
        fiscalDocumentSign: '3522207165',
        fnNumber: '9999078900004312',
        registrationNumber: '0000000001002292',
        shiftNumber: 3,
        fiscalReceiptNumber: 5,
        totalKopecks: 250_000,
        fiscalAt: new Date(),
      },
    });
    return (await service.stores.payments.byIds([p.id])).get(p.id)!;
  });
  return { invoice, payment };
}

/** One object of each subject type the billing subgraph owns, for the generated policy matrix. */
export const subjectFixtures = {
  Invoice: {
    async create(service, r) {
      const invoice = await invoiceOf(service, r);
      return {
        key: { id: invoice.id },
        args: {
          patientId: invoice.patientId,
          branchId: FIXTURE_BRANCH,
          day: DateTime.now().setZone('Europe/Moscow').toISODate(),
        },
        known: { number: invoice.number, totalKopecks: 250_000, balanceKopecks: 250_000 },
        // A patient asking for another's invoice gets null, as for a made-up id (no existence oracle).
        hiddenAs: { 'Query.invoice': { patient: '' } },
        skip: {
          'Query.myInvoices': "answers with the caller's own invoices only: _entities covers the policy",
        },
      };
    },
  },
  Payment: {
    async create(service, r) {
      const { payment } = await paidInvoice(service, r);
      return {
        key: { id: payment.id },
        known: { amountKopecks: 250_000, method: 'CASH', status: 'CAPTURED' },
      };
    },
  },
  Refund: {
    async create(service, r) {
      const { payment } = await paidInvoice(service, r);
      const refund = await service.stores.payments.insertRefund({
        id: randomUUID(),
        paymentId: payment.id,
        invoiceId: payment.invoiceId,
        patientId: payment.patientId,
        amountKopecks: 50_000,
        reason: 'Услуга оказана не полностью',
        createdBy: 'matrix-cashier',
      });
      return {
        key: { id: refund.id },
        known: { amountKopecks: 50_000, reason: 'Услуга оказана не полностью' },
      };
    },
  },
  Receipt: {
    async create(service, r) {
      const { payment } = await paidInvoice(service, r);
      return {
        key: { id: payment.id },
        known: { fiscalSign: '3522207165', totalKopecks: 250_000, customerContact: 'patient@example.org' },
      };
    },
  },
  Contract: {
    async create(service, r) {
      const contract = await fixtureContract(service, patientOf(r), FIXTURE_BRANCH);
      return {
        key: { id: contract.id },
        known: { number: contract.number, status: 'DRAFT', totalKopecks: 250_000 },
        // A patient asking for another's contract gets null, as for a made-up id (no existence oracle).
        hiddenAs: { 'Query.contract': { patient: '' } },
        skip: {
          'Query.myContracts': "answers with the caller's own contracts only: _entities covers the policy",
        },
      };
    },
  },
  TaxCertificate: {
    async create(service, r) {
      const { certificate, fileName } = await fixtureCertificate(service, patientOf(r));
      return {
        key: { id: certificate.id },
        known: { number: certificate.number, year: certificate.year, totalKopecks: 250_000, fileName },
      };
    },
  },
  UnbilledLabOrder: {
    async create(service, r) {
      // A branch of its own: the list of that branch holds this order only.
      const branchId = randomUUID();
      const orderId = randomUUID();
      const tests = [{ testId: randomUUID(), priceReference: 'LAB-K', name: 'Калий (K+)' }];
      await service.stores.labOrders.insertOrder({
        orderId,
        patientId: patientOf(r),
        orderedBy: randomUUID(),
        orderedAt: new Date(),
        tests,
      });
      await service.stores.labOrders.settle(orderId, {
        branchId,
        invoiceId: null,
        note: 'Нет цены для: Калий (K+)',
      });
      return {
        args: { branchId },
        known: { orderId, note: 'Нет цены для: Калий (K+)', tests },
      };
    },
  },
} satisfies Record<string, SubjectFixture<BillingService>> satisfies FixtureRegistry;
