// The web's typed documents (apps/web/src/generated) as graphql-codegen would write them now, compared
// with the committed files. Run as a script it prints the files that drifted, one per line.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import config from '../../apps/web/codegen.ts';

export async function driftedClientTypes(root = process.cwd()): Promise<string[]> {
  const files: { filename: string; content: string }[] = await generate({ ...config, cwd: root, silent: true }, false);
  return files
    .filter(({ filename, content }) => {
      const committed = path.resolve(root, filename);
      return !existsSync(committed) || readFileSync(committed, 'utf8') !== content;
    })
    .map(({ filename }) => filename);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const file of await driftedClientTypes()) process.stdout.write(`${file}\n`);
}
