import { Foundation1763856000000 } from './1763856000000-Foundation.js';
import { Core1763856100000 } from './1763856100000-Core.js';

/** Every migration, in order. Listed explicitly so the same code runs from sources and from the build. */
export const migrations = [Foundation1763856000000, Core1763856100000];
