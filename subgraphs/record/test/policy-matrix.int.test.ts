import { createMatrix, describeMatrix, issuerCallers } from '@medikamente/runtime/testing';
import { loadPolicy } from '@medikamente/schema';
import { afterAll, beforeAll } from 'vitest';
import { subjectFixtures } from '../src/testing';
import { type RecordHarness, startRecordSubgraph } from './harness';

// The generated authorization matrix of every subject type the record subgraph owns.
let h: RecordHarness;
const matrix = createMatrix({
  policy: loadPolicy(),
  surface: {
    graph: 'record',
    query: (q, variables, token) => h.query(q, variables, token),
    caller: issuerCallers((claims) => h.tokenFor(claims)),
    get services() {
      return { record: h.service };
    },
    fixtures: subjectFixtures,
  },
});

beforeAll(async () => {
  h = await startRecordSubgraph();
});
afterAll(async () => h?.stop());

// Versions and addenda are also compared inside every Visit route's selection (nested fields).
describeMatrix('generated policy matrix on the record subgraph', matrix, {
  types: ['Visit', 'VisitVersion', 'VisitAddendum', 'VisitDraft', 'Attachment', 'RecordExport'],
  routes: {
    Visit: ['_entities(Visit)', 'Query.visits', 'Query.visit', 'Query.visitForAppointment', 'Query.myRecord'],
    VisitVersion: ['_entities(VisitVersion)'],
    VisitAddendum: ['_entities(VisitAddendum)'],
    VisitDraft: ['_entities(VisitDraft)', 'Query.myVisitDraft'],
    Attachment: ['_entities(Attachment)'],
    RecordExport: ['Query.recordExport'],
  },
});
