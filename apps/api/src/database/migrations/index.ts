import { Foundation1763856000000 } from './1763856000000-Foundation.js';

/** Every migration, in order. Listed explicitly so the same code runs from sources and from the build. */
export const migrations = [Foundation1763856000000];
