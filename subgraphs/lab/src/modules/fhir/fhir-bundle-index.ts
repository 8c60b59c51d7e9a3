/**
 * Structural helpers for untrusted FHIR JSON: size limits, entry index and reference resolution.
 * Everything here treats input as `unknown`; the @medplum/fhirtypes types are a promise the partner
 * does not have to keep.
 */

export type FhirInputError = { path: string; code: 'FHIR_INVALID'; message: string };
export type Json = Record<string, unknown>;
/** A resource found in the bundle, with its path ("entry[2].resource" or "entry[0].resource.contained[1]"). */
export type Located = { resource: Json; path: string; fullUrl?: unknown };

export const MAX_STRING_LENGTH = 2000;
const MAX_DEPTH = 24;
/** Enough errors to fix a bundle; a hostile one does not get an answer per string. */
export const MAX_ERRORS = 50;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const nonBlank = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export class FhirErrors {
  readonly list: FhirInputError[] = [];
  add(path: string, message: string): void {
    if (this.list.length < MAX_ERRORS) this.list.push({ path, code: 'FHIR_INVALID', message });
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}

// Property names go into paths; a name that is not a FHIR-like identifier could carry submitted text.
const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/**
 * Refuses strings over {@link MAX_STRING_LENGTH} characters and nesting deeper than FHIR needs,
 * anywhere in the bundle (a partner's free text ends up in the record and in notifications).
 */
export function scanLimits(value: unknown, path: string, errors: FhirErrors, depth = 0): void {
  if (errors.list.length >= MAX_ERRORS) return;
  if (typeof value === 'string') {
    if (value.length > MAX_STRING_LENGTH) {
      errors.add(path, `Строка длиннее ${MAX_STRING_LENGTH} символов.`);
    }
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  if (depth >= MAX_DEPTH) {
    errors.add(path, 'Слишком глубокая вложенность данных.');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      scanLimits(item, `${path}[${i}]`, errors, depth + 1);
    });
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    scanLimits(item, join(path, SAFE_KEY.test(key) ? key : '?'), errors, depth + 1);
  }
}

const RELATIVE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/**
 * Entries of a bundle by `fullUrl` ("urn:uuid:…", absolute URL) and by "Type/id", so a reference
 * in any of the forms FHIR allows inside a bundle resolves. Contained resources ("#id") resolve
 * against the referencing resource.
 */
export class BundleIndex {
  private readonly byFullUrl = new Map<string, Located>();
  private readonly byTypeId = new Map<string, Located>();

  constructor(
    readonly entries: Located[],
    errors: FhirErrors,
  ) {
    for (const located of entries) {
      const entry = located.path.replace(/\.resource$/, '');
      const { fullUrl } = located;
      if (fullUrl !== undefined) {
        if (!nonBlank(fullUrl)) errors.add(`${entry}.fullUrl`, 'fullUrl должен быть непустой строкой.');
        else if (this.byFullUrl.has(fullUrl)) errors.add(`${entry}.fullUrl`, 'fullUrl повторяется в пакете.');
        else this.byFullUrl.set(fullUrl, located);
      }
      const { resourceType, id } = located.resource;
      if (nonBlank(id)) {
        const key = `${String(resourceType)}/${id}`;
        if (this.byTypeId.has(key)) errors.add(`${located.path}.id`, 'id ресурса повторяется в пакете.');
        else this.byTypeId.set(key, located);
      }
    }
  }

  /**
   * The resource a Reference points at, or an error message (Russian, no submitted values) when
   * it is malformed, missing from the bundle or of another type.
   */
  resolve(reference: unknown, from: Located, expectedType: string): Located | { error: string } {
    if (!isObject(reference) || !nonBlank(reference.reference)) {
      return { error: 'Ожидается ссылка (Reference.reference) на ресурс в пакете.' };
    }
    const ref = reference.reference;
    let found: Located | undefined;
    if (ref.startsWith('#')) {
      const contained = asArray(from.resource.contained);
      const k = contained.findIndex((c) => isObject(c) && c.id === ref.slice(1));
      if (k >= 0) found = { resource: contained[k] as Json, path: `${from.path}.contained[${k}]` };
    } else {
      found = this.byFullUrl.get(ref) ?? (RELATIVE.test(ref) ? this.byTypeId.get(ref) : undefined);
    }
    if (!found) return { error: 'Ссылка не указывает ни на один ресурс пакета.' };
    if (found.resource.resourceType !== expectedType) {
      return { error: `Ссылка должна указывать на ресурс ${expectedType}.` };
    }
    return found;
  }
}

/** Values of the identifiers with the given system (trimmed, non-blank). */
export function identifierValues(identifiers: unknown, system: string): string[] {
  const list = isObject(identifiers) ? [identifiers] : asArray(identifiers);
  return list
    .filter((i): i is Json => isObject(i) && i.system === system && nonBlank(i.value))
    .map((i) => (i.value as string).trim());
}
