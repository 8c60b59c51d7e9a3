const reason = 'Public reference directory (МКБ-10), not data about a patient';

export const icd10Sdl = /* GraphQL */ `
  "A code of the ICD-10 (МКБ-10) directory"
  type Icd10Code {
    "The code, e.g. J06.9"
    code: String! @classified(category: "PUBLIC", justification: "${reason}")
    "The Russian title of the code"
    title: String! @classified(category: "PUBLIC", justification: "${reason}")
  }

  extend type Query {
    "Active ICD-10 codes by code prefix (J06, j06.9) or by words of the title, best matches first"
    icd10Search(query: String!, first: Int = 20): [Icd10Code!]!
  }
`;
