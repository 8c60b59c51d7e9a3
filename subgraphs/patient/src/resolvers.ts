import { auditResolvers } from './modules/audit/audit.resolvers';
import { consentResolvers } from './modules/consent/consent.resolvers';
import { patientResolvers } from './modules/patient/patient.resolvers';

/** All resolvers of the subgraph, merged per type. */
export const resolvers = [patientResolvers, consentResolvers, auditResolvers].reduce<
  Record<string, Record<string, unknown>>
>((acc, r) => {
  for (const [type, fields] of Object.entries(r)) acc[type] = { ...acc[type], ...fields };
  return acc;
}, {});
