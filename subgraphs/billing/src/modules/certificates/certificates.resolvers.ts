import { appError, ErrorCode, type Principal, requireId } from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { filesBase } from '../files/financial-files';
import { certificateInput } from './certificates.input';
import { certificateFiles } from './certificates.service';

/** A patient reaches only their own certificates (others' answer as absent). */
const ownOnly = (p: Principal, patientId: string) => p.role !== 'patient' || p.patientId === patientId;

/** Where a certificate's files are served (`/files/tax-certificates/<id>/pdf|xml`). */
export const certificatePath = (id: string, kind: 'pdf' | 'xml') => `/tax-certificates/${id}/${kind}`;

export const certificateResolvers: Resolvers = {
  Query: {
    taxCertificates: (_, args, ctx) => {
      const patientId = requireId(args.patientId, 'patientId');
      return ownOnly(ctx.principal, patientId) ? ctx.stores.certificates.forPatient(patientId) : [];
    },
  },
  Mutation: {
    issueTaxCertificate: async (_, { input }, ctx) => {
      const checked = certificateInput(input);
      if (!checked.ok) return { ok: false, inputErrors: checked.inputErrors, certificate: null };
      const r = await ctx.services.certificates.issue(ctx.principal, checked.value);
      return r.ok
        ? { ok: true, inputErrors: [], certificate: r.value }
        : { ok: false, inputErrors: r.inputErrors, certificate: null };
    },
  },
  TaxCertificate: {
    __resolveReference: async (ref, ctx) => {
      const certificate = await ctx.loaders.certificate.load(requireId(ref.id));
      if (!certificate) throw appError(ErrorCode.NOT_FOUND);
      return certificate;
    },
    issuedAt: (c) => c.data.issuedAt,
    sums: (c) => c.data.sums,
    fileName: (c) => certificateFiles(c).fileName,
    xml: (c) => certificateFiles(c).xml,
    pdfUrl: (c, _, ctx) => `${filesBase(ctx.env)}${certificatePath(c.id, 'pdf')}`,
    xmlUrl: (c, _, ctx) => `${filesBase(ctx.env)}${certificatePath(c.id, 'xml')}`,
    createdAt: (c) => c.createdAt.toISOString(),
  },
};
