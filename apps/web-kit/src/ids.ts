const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a path or query value is an id at all (anything else is refused before any request). */
export const isUuid = (v: string): boolean => UUID.test(v);
