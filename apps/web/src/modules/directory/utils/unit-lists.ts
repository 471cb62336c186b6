/**
 * The unit lists on screen, by operation name: the directory's table (with people and versions) and
 * the pickers' short list. Every write to units refetches both, whichever page made it.
 */
export const UNIT_LISTS = ['DirectoryUnits', 'Units'];
