// `npm run schema:generate`: writes apps/api/schema.gql from the resolvers, then the web's typed documents.
import { writeFile } from 'node:fs/promises';
import { buildSchemaSdl } from '../apps/api/src/graphql/schema-sdl.js';

const target = new URL('../apps/api/schema.gql', import.meta.url);
await writeFile(target, await buildSchemaSdl());
console.log('wrote apps/api/schema.gql');
