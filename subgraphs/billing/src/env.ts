import { checkEventsEnv, parseEnv, subgraphEnv } from '@medikamente/runtime';
import { z } from 'zod';

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
  })
  .superRefine(checkEventsEnv)
  .superRefine((env, ctx) => {
    if (Boolean(env.YOOKASSA_SHOP_ID) !== Boolean(env.YOOKASSA_SECRET_KEY))
      ctx.addIssue({
        code: 'custom',
        path: ['YOOKASSA_SECRET_KEY'],
        message: 'YOOKASSA_SHOP_ID and YOOKASSA_SECRET_KEY go together',
      });
  });

export type BillingEnv = z.infer<typeof schema>;

/** Validated configuration of the billing subgraph. */
export const loadBillingEnv = (source?: Record<string, string | undefined>) => parseEnv(schema, source);
