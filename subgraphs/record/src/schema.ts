import { inputErrorSdl } from '@medikamente/runtime';
import { subgraphTypeDefs } from '@medikamente/schema';
import { attachmentSdl } from './modules/attachment/attachment.sdl';
import { breakGlassSdl } from './modules/break-glass/break-glass.sdl';
import { downloadSdl } from './modules/download/download.sdl';
import { exportSdl } from './modules/export/export.sdl';
import { icd10Sdl } from './modules/icd10';
import { visitSdl } from './modules/visit/visit.sdl';

/** The record subgraph's SDL (with the federation and classification header). */
export const recordTypeDefs = subgraphTypeDefs(
  [inputErrorSdl, visitSdl, breakGlassSdl, icd10Sdl, attachmentSdl, downloadSdl, exportSdl].join('\n'),
);

/** Typed resolvers (scripts/generate-resolver-types.ts): the context and the records resolvers receive. */
export const resolverTypes = {
  contextType: '../context#RecordContext',
  mappers: {
    Visit: '../modules/visit/visit.types#VisitRecord',
    VisitVersion: '../modules/visit/visit.types#VersionRecord',
    VisitDraft: '../modules/visit/visit.types#DraftRecord',
    VisitAddendum: '../modules/visit/visit.types#AddendumRecord',
    Attachment: '../modules/attachment/attachment.types#StoredAttachment',
    RecordExport: '../modules/export/export.build#RecordExportRecord',
  },
};
