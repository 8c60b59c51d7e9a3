import { appError, ErrorCode, idError, type Principal, requireId, textError } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { CONTRACT_736_REQUIREMENTS, contractTotal } from '../documents';
import { filesBase } from '../files/financial-files';
import { contractInput } from './contracts.input';

/** A patient reaches only their own contracts (others' answer as absent); staff as the policy allows. */
const ownOnly = (p: Principal, patientId: string) => p.role !== 'patient' || p.patientId === patientId;
const noContract = (inputErrors: Array<{ field: string; code: string; message: string }>) => ({
  ok: false,
  inputErrors,
  contract: null,
});

/** Where a contract's PDF is served (`/files/contracts/<id>/pdf`). */
export const contractPdfPath = (id: string) => `/contracts/${id}/pdf`;

export const contractResolvers: Resolvers = {
  Query: {
    contractTemplate: (_, __, ctx) => ctx.services.contracts.currentTemplate(),
    patientContracts: (_, args, ctx) => {
      const patientId = requireId(args.patientId, 'patientId');
      return ownOnly(ctx.principal, patientId) ? ctx.stores.contracts.forPatient(patientId) : [];
    },
    myContracts: (_, __, ctx) =>
      ctx.principal.patientId ? ctx.stores.contracts.forPatient(ctx.principal.patientId) : [],
    contract: async (_, args, ctx) => {
      const contract = await ctx.loaders.contract.load(requireId(args.id));
      return contract && ownOnly(ctx.principal, contract.patientId) ? contract : null;
    },
  },
  Mutation: {
    saveContractTemplate: async (_, { input }, ctx) => {
      const inputErrors = [
        textError('input.body', input.body, { max: 200_000, required: true }),
        textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ok: false, inputErrors, template: null };
      const r = await ctx.services.contracts.saveTemplate(ctx.principal, input);
      return r.ok
        ? { ok: true, inputErrors: [], template: r.value }
        : { ok: false, inputErrors: r.inputErrors, template: null };
    },
    createContract: async (_, { input }, ctx) => {
      const checked = contractInput(input);
      if (!checked.ok) return noContract(checked.inputErrors);
      const r = await ctx.services.contracts.create(ctx.principal, checked.value);
      return r.ok ? { ok: true, inputErrors: [], contract: r.value } : noContract(r.inputErrors);
    },
    acceptContract: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.contractId', input.contractId),
        textError('input.idempotencyKey', input.idempotencyKey, { max: 100, required: true }),
      ].filter((e) => e !== null);
      if (inputErrors.length) return noContract(inputErrors);
      const r = await ctx.services.contracts.conclude(
        ctx.principal,
        {
          contractId: input.contractId.toLowerCase(),
          channel: 'PORTAL',
          idempotencyKey: input.idempotencyKey,
        },
        'input.contractId',
      );
      return r.ok ? { ok: true, inputErrors: [], contract: r.value } : noContract(r.inputErrors);
    },
    signContractAtDesk: async (_, args, ctx) => {
      const error = idError('contractId', args.contractId);
      if (error) return noContract([error]);
      const r = await ctx.services.contracts.conclude(
        ctx.principal,
        { contractId: args.contractId.toLowerCase(), channel: 'DESK', idempotencyKey: null },
        'contractId',
      );
      return r.ok ? { ok: true, inputErrors: [], contract: r.value } : noContract(r.inputErrors);
    },
  },
  Contract: {
    __resolveReference: async (ref, ctx) => {
      const contract = await ctx.loaders.contract.load(requireId(ref.id));
      if (!contract) throw appError(ErrorCode.NOT_FOUND);
      return contract;
    },
    date: (c) => c.data.date,
    createdAt: (c) => c.createdAt.toISOString(),
    acceptedAt: (c) => c.acceptedAt?.toISOString() ?? null,
    totalKopecks: (c) => contractTotal(c.data),
    services: (c) =>
      c.data.services.map((s) => ({
        code: s.code ?? null,
        name: s.name,
        quantity: s.quantity,
        unitPriceKopecks: s.unitPriceKopecks,
        amountKopecks: s.quantity * s.unitPriceKopecks,
      })),
    provisionTerms: (c) => c.data.provisionTerms,
    pdfUrl: (c, _, ctx) => `${filesBase(ctx.env)}${contractPdfPath(c.id)}`,
  },
  ContractTemplateInfo: {
    version: (t) => t.version,
    title: (t) => t.template.title,
    clinicName: (t) => t.template.clinic.name,
    createdAt: (t) => t.createdAt.toISOString(),
    body: (t) => JSON.stringify(t.template, null, 2),
    checklist: (t) =>
      CONTRACT_736_REQUIREMENTS.map((r) => ({
        id: r.id,
        item: r.item,
        where: r.where,
        ok: r.check(t.template),
      })),
  },
};
