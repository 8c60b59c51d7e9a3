import { createHash } from 'node:crypto';
import type { Reference, Resource } from '@medplum/fhirtypes';

/**
 * Namespace of the name-based (v5) UUIDs the export derives. Never change it: derived ids
 * (conditions, prescriptions, referrals) must stay the same from one export to the next.
 */
export const EXPORT_UUID_NAMESPACE = '1708b8eb-99bb-4e95-b863-84f913fb3dfb';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 9562 version 5 (SHA-1, name-based) UUID of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  if (!UUID.test(namespace)) throw new Error('uuidV5: namespace is not a UUID');
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The FHIR id of a resource that stands for one of our rows: the row's own UUID, so an
 * exported Encounter can be matched to its visit; anything else gets a derived UUID.
 */
export function ownId(resourceType: Resource['resourceType'], sourceId: string): string {
  return UUID.test(sourceId)
    ? sourceId.toLowerCase()
    : uuidV5(EXPORT_UUID_NAMESPACE, `${resourceType}/${sourceId}`);
}

/** The FHIR id of a resource derived from part of a row (e.g. the n-th diagnosis of a signed version). */
export function derivedId(resourceType: Resource['resourceType'], ...path: Array<string | number>): string {
  return uuidV5(EXPORT_UUID_NAMESPACE, [resourceType, ...path].join('/'));
}

export const fullUrlOf = (id: string): string => `urn:uuid:${id}`;

/** A reference to a resource of this bundle (by its `urn:uuid:` fullUrl). */
export function refTo<T extends Resource>(resource: T & { id?: string }, display?: string): Reference<T> {
  if (!resource.id) throw new Error('refTo: resource has no id');
  return display ? { reference: fullUrlOf(resource.id), display } : { reference: fullUrlOf(resource.id) };
}
