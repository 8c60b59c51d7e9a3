import { checkEventsEnv, parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';
import { isValidKpp, isValidOrganisationInn } from './modules/documents/requisites';

/** "branchId=url,branchId=url" → a map (FISCAL_REGISTERS). */
const branchUrls = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const out: Record<string, string> = {};
    for (const part of s
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [branchId, url] = part.split('=');
      if (!branchId || !url || !z.uuid().safeParse(branchId).success || !z.url().safeParse(url).success) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not branchId=url` });
        continue;
      }
      out[branchId] = url;
    }
    return out;
  });

const schema = z
  .object({
    ...subgraphEnv('billing', 4006),
    /** The clinic's zone: invoice days, price validity dates, the daily reconciliation. */
    CLINIC_TIME_ZONE: z.string().min(1).default('Europe/Moscow'),
    /** Desk registers (ATOL Web Server URLs) per branch: "branchId=http://host:16732,…". */
    FISCAL_REGISTERS: branchUrls,
    /** The register of branches not listed in FISCAL_REGISTERS. */
    FISCAL_REGISTER_URL: z.string().url().optional(),
    /** The register of online payments' electronic receipts. */
    ONLINE_FISCAL_URL: z.string().url().optional(),
    /** How long a request waits for the register's answer before leaving the payment pending. */
    FISCAL_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
    FISCAL_WAIT_MS: z.coerce.number().int().min(0).max(120_000).default(5_000),
    /** The online payment provider (YooKassa API v3): unset = online payments off. */
    YOOKASSA_URL: z.string().url().default('https://api.yookassa.ru/v3'),
    YOOKASSA_SHOP_ID: z.string().min(1).optional(),
    YOOKASSA_SECRET_KEY: z.string().min(1).optional(),
    /**
     * Networks the provider's notifications may come from (CIDR list). Default: YooKassa's
     * published ranges. Anything else is refused and audited.
     */
    PAYMENT_NOTIFICATION_NETWORKS: z.string().optional(),
    /** Where the patient returns after paying (the portal's payments page). */
    PAYMENT_RETURN_URL: z.string().url().default('http://127.0.0.1:3000/payments'),
    /** The largest discount a cashier may give on a line without an accountant, in percent. */
    CASHIER_DISCOUNT_PERCENT: z.coerce.number().int().min(0).max(100).default(10),
    /** How often unfinished payments and refunds are retried (register, provider). */
    PAYMENT_RETRY_MS: z.coerce.number().int().min(50).max(600_000).default(15_000),
    /**
     * Public base of the document files (contract PDFs, tax certificates): `<base>/contracts/<id>/pdf`.
     * Behind the gateway `<gateway>/files/billing` (it forwards to this service's /files); default
     * `http://HOST:PORT/files` (this service itself).
     */
    FILES_PUBLIC_URL: z.string().url().optional(),
    /**
     * 1C:Бухгалтерия's published infobase (the standard OData interface lives under
     * `<url>/odata/standard.odata/`): unset = the export to 1C is off.
     */
    ONEC_ODATA_URL: z.string().url().optional(),
    /** The 1C user the exchange runs as (needs rights to the exported catalogs and documents). */
    ONEC_USER: z.string().min(1).optional(),
    ONEC_PASSWORD: z.string().min(1).optional(),
    /** `Catalog_Организации` Ref_Key of the clinic's legal entity in 1C. */
    ONEC_ORGANIZATION_KEY: z.guid().optional(),
    /** The organization as the EnterpriseData file names it (the file fallback needs name and ИНН). */
    ONEC_ORGANIZATION_NAME: z.string().min(1).optional(),
    ONEC_ORGANIZATION_INN: z
      .string()
      .refine(isValidOrganisationInn, 'not a valid organisation ИНН (10 digits)')
      .optional(),
    ONEC_ORGANIZATION_KPP: z.string().refine(isValidKpp, 'not a valid КПП').optional(),
    /** `Catalog_ВидыОплатОрганизаций` Ref_Keys of the desk terminal and of online acquiring. */
    ONEC_CARD_PAYMENT_KIND_KEY: z.guid().optional(),
    ONEC_ONLINE_PAYMENT_KIND_KEY: z.guid().optional(),
    /** Payments and refunds before this day (YYYY-MM-DD, clinic's zone) are never exported: they reached 1C by hand. */
    ONEC_EXPORT_FROM: z.iso.date().optional(),
    /** Per request to 1C. */
    ONEC_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(30_000),
    /** How often captured payments and done refunds not yet in 1C are exported. */
    ONEC_EXPORT_INTERVAL_MS: z.coerce.number().int().min(50).max(86_400_000).default(300_000),
    /** Backoff of a record that failed: base × 2^(attempts − 1), at most the max. */
    ONEC_BACKOFF_BASE_MS: z.coerce.number().int().min(10).max(86_400_000).default(60_000),
    ONEC_BACKOFF_MAX_MS: z.coerce
      .number()
      .int()
      .min(10)
      .max(7 * 86_400_000)
      .default(6 * 3_600_000),
  })
  .superRefine(checkEventsEnv)
  .superRefine((env, ctx) => {
    if (Boolean(env.YOOKASSA_SHOP_ID) !== Boolean(env.YOOKASSA_SECRET_KEY))
      ctx.addIssue({
        code: 'custom',
        path: ['YOOKASSA_SECRET_KEY'],
        message: 'YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY go together',
      });
    if (env.ONEC_ODATA_URL)
      for (const key of ['ONEC_USER', 'ONEC_PASSWORD', 'ONEC_ORGANIZATION_KEY'] as const)
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: `ONEC_ODATA_URL needs ${key}` });
    if (Boolean(env.ONEC_ORGANIZATION_NAME) !== Boolean(env.ONEC_ORGANIZATION_INN))
      ctx.addIssue({
        code: 'custom',
        path: ['ONEC_ORGANIZATION_INN'],
        message: 'ONEC_ORGANIZATION_NAME and ONEC_ORGANIZATION_INN go together',
      });
    if (env.ONEC_BACKOFF_MAX_MS < env.ONEC_BACKOFF_BASE_MS)
      ctx.addIssue({
        code: 'custom',
        path: ['ONEC_BACKOFF_MAX_MS'],
        message: 'ONEC_BACKOFF_MAX_MS is below ONEC_BACKOFF_BASE_MS',
      });
  });

export type BillingEnv = z.infer<typeof schema>;

/** Validated configuration of the billing subgraph. */
export const loadBillingEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
