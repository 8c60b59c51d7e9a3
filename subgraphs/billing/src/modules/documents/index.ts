/** Documents of the billing subgraph: the contract for paid medical services and the tax-deduction certificate. */

export { buildContractDocument, contractPdf } from './contract.pdf';
export { CONTRACT_736_REQUIREMENTS, type Contract736Requirement, checkContract736 } from './contract-736';
export {
  type ContractData,
  type ContractPerson,
  type ContractServiceLine,
  contractDataSchema,
  type IdentityDocument,
} from './contract-data';
export { DEFAULT_CONTRACT_TEMPLATE, DEMO_CLINIC_DETAILS } from './contract-default';
export {
  ContractDataError,
  type RenderedContract,
  type RenderedParagraph,
  type RenderedParty,
  type RenderedSection,
  type RenderedServiceLine,
  renderContract,
} from './contract-render';
export {
  type ClinicDetails,
  CONTRACT_PLACEHOLDERS,
  type ContractParagraph,
  type ContractSection,
  type ContractTemplate,
  ContractTemplateError,
  contractTotal,
  PARAGRAPH_CONDITIONS,
  type ParagraphCondition,
  type ParseTemplateResult,
  parseContractTemplate,
  safeParseContractTemplate,
} from './contract-template';
export { formatLongDate, formatMoscowDateTime, formatRubles } from './format';
export type { DocumentIssue } from './requisites';
export {
  PATIENT_RELATIONS,
  type PatientRelation,
  parseTaxCertificateData,
  type TaxCertificate,
  type TaxCertificateData,
  TaxCertificateError,
  type TaxCertificateInput,
  taxCertificate,
  taxCertificateDataSchema,
} from './tax-certificate';
export { buildTaxCertificateDocument, taxCertificatePdf } from './tax-certificate.pdf';
export {
  buildTaxCertificateXml,
  TAX_CERTIFICATE_FILE_PREFIX,
  TAX_CERTIFICATE_FORMAT_VERSION,
  TAX_CERTIFICATE_KND,
  taxCertificateFileName,
} from './tax-certificate.xml';
export { encodeWindows1251, isWindows1251 } from './windows-1251';
