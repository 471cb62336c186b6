import type { UnitsQuery } from '../../../generated/graphql';

/** A unit as the short list (`Units`) gives it: enough to name, pick and search it. */
export type UnitOption = UnitsQuery['units'][number];

/**
 * The unit lists on screen, by operation name: the directory's table (with people and versions) and
 * the pickers' short list. Every write to units refetches both, whichever page made it.
 */
export const UNIT_LISTS = ['DirectoryUnits', 'Units'];
