/** ICD-10 (МКБ-10) directory: the shipped subset, search, validation of codes and the NSI importer. */

export { type Icd10Context, icd10Resolvers } from './icd10.resolvers';
export { icd10Sdl } from './icd10.sdl';
export { type Icd10Code, Icd10Store, type Icd10Write, type Icd10WriteCounts } from './icd10.store';
export { codeQueryPrefixes, ICD10_CODE_PATTERN, normaliseCode } from './icd10-code';
export { type Icd10ImportReport, importIcd10 } from './icd10-import';
export {
  decodeText,
  type Icd10FileRow,
  type Icd10ParsedFile,
  Icd10ParseError,
  type Icd10Rejected,
  parseIcd10File,
} from './icd10-parse';
export { ICD10_SUBSET } from './icd10-subset';
