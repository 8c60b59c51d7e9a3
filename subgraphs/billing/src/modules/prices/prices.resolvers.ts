import {
  dateError,
  ErrorCode,
  idError,
  inputError,
  requireDate,
  requireId,
  textError,
} from '@medikamente/runtime';
import type { Resolvers } from '../../generated/resolvers-types';
import { clinicToday } from '../invoices/invoices.service';
import { kopecksError, vatEnum, vatOf } from '../money';

const CODE = /^[A-Za-z0-9._:-]{1,60}$/;

export const priceResolvers: Resolvers = {
  Query: {
    priceList: (_, args, ctx) =>
      ctx.stores.prices.effective(
        requireId(args.branchId, 'branchId'),
        args.on ? requireDate(args.on, 'on') : clinicToday(ctx.env.CLINIC_TIME_ZONE),
      ),
  },
  Mutation: {
    setPrice: async (_, { input }, ctx) => {
      const inputErrors = [
        idError('input.branchId', input.branchId),
        CODE.test(input.code)
          ? null
          : inputError('input.code', ErrorCode.BAD_USER_INPUT, 'Код: латиница, цифры, . _ : -'),
        textError('input.name', input.name, { max: 200, required: true }),
        textError('input.refId', input.refId, { max: 100 }),
        kopecksError('input.priceKopecks', input.priceKopecks, 0),
        dateError('input.validFrom', input.validFrom),
        input.validTo ? dateError('input.validTo', input.validTo) : null,
        input.validTo && input.validTo <= input.validFrom
          ? inputError('input.validTo', ErrorCode.BAD_USER_INPUT, 'Окончание позже начала')
          : null,
        input.kind !== 'OTHER' && !input.refId?.trim()
          ? inputError('input.refId', ErrorCode.REQUIRED, 'Укажите услугу или анализ')
          : null,
      ].filter((e) => e !== null);
      if (inputErrors.length) return { ok: false, inputErrors, priceItem: null };
      const item = await ctx.stores.prices.add(
        {
          branchId: input.branchId.toLowerCase(),
          code: input.code,
          kind: input.kind,
          refId: input.refId?.trim() || null,
          name: input.name.trim(),
          priceKopecks: input.priceKopecks,
          vat: vatOf(input.vat),
          validFrom: input.validFrom,
          validTo: input.validTo ?? null,
        },
        ctx.principal.subject ?? 'unknown',
      );
      return item
        ? { ok: true, inputErrors: [], priceItem: item }
        : {
            ok: false,
            inputErrors: [
              inputError('input.validFrom', ErrorCode.DUPLICATE, 'Цена этой позиции с этой даты уже есть'),
            ],
            priceItem: null,
          };
    },
  },
  PriceItem: {
    __resolveReference: async (ref, ctx) => {
      const id = requireId(ref.id);
      return (await ctx.stores.prices.byIds([id])).get(id) ?? null;
    },
    vat: (p) => vatEnum(p.vat),
  },
};
