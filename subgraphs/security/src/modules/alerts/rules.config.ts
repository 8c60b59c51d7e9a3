import { readFileSync } from 'node:fs';
import { DateTime } from 'luxon';
import { parse } from 'yaml';
import { z } from 'zod';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const zone = z.string().refine((v) => DateTime.local().setZone(v).isValid, 'an IANA time zone');
const hours = z.object({
  start: time,
  end: time,
  weekdays: z.array(z.number().int().min(1).max(7)).min(1),
  zone: zone.optional(),
});
const text = { title: z.string().min(3), explanation: z.string().min(10) };
const severity = z.enum(['low', 'medium', 'high', 'critical']);
const base = { enabled: z.boolean().default(true), severity, ...text };
const operations = z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/)).min(1);

const schema = z.object({
  defaultZone: zone,
  workingHours: z.object({ default: hours, branches: z.record(z.string(), hours).default({}) }),
  staffRoles: z.array(z.string()).min(1),
  rules: z.object({
    breakGlass: z.object(base),
    noRelationship: z.object({
      ...base,
      roles: z.array(z.string()).min(1),
      categories: z.array(z.string()).min(1),
      relationships: z.array(z.string()).min(1),
    }),
    vip: z.object(base),
    afterHours: z.object(base),
    volumeSpike: z.object({
      ...base,
      windowMinutes: z.number().int().min(5).max(1440),
      baselineDays: z.number().int().min(1).max(90),
      factor: z.number().min(1.5).max(100),
      minEvents: z.number().int().min(10),
    }),
    fishing: z.object({
      ...base,
      windowMinutes: z.number().int().min(5).max(1440),
      minSearches: z.number().int().min(3),
      searchOperations: operations,
    }),
    chainTampered: z.object(base),
  }),
});

export type RulesConfig = z.infer<typeof schema>;
export type RuleId = keyof RulesConfig['rules'];
export type Severity = z.infer<typeof severity>;
export const RULE_IDS = Object.keys(schema.shape.rules.shape) as RuleId[];

export const DEFAULT_RULES_FILE = new URL('../../../config/monitoring-rules.yaml', import.meta.url);

/** Reads and validates the rules file; a bad file stops the service at start with the field path. */
export function loadRulesConfig(path: string | URL = DEFAULT_RULES_FILE): RulesConfig {
  return parseRulesConfig(readFileSync(path, 'utf8'));
}

export function parseRulesConfig(yamlText: string): RulesConfig {
  const parsed = schema.safeParse(parse(yamlText));
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`monitoring rules: ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.data;
}
