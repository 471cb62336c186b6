const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids reach SQL as ::uuid; checking first turns a malformed id into NOT_FOUND/BAD_USER_INPUT, not a 500. */
export const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
