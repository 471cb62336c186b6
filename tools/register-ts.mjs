// `node --import ./tools/register-ts.mjs file.ts` runs TypeScript sources through ts-hooks.mjs.
import { register } from 'node:module';
register('./ts-hooks.mjs', import.meta.url);
