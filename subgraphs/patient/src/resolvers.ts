import type { Resolvers } from './generated/resolvers-types';
import { auditResolvers } from './modules/audit/audit.resolvers';
import { consentResolvers } from './modules/consent/consent.resolvers';
import { patientResolvers } from './modules/patient/patient.resolvers';

/** All resolvers of the subgraph, merged per type and typed by the SDL (generated resolver types). */
export const resolvers: Resolvers = [patientResolvers, consentResolvers, auditResolvers].reduce<Resolvers>(
  (acc, r) => {
    for (const [type, fields] of Object.entries(r)) acc[type] = { ...acc[type], ...fields };
    return acc;
  },
  {},
);
