import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every file below `dir`, at any depth (the build's outputs to compress, the sources to scan). */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}
