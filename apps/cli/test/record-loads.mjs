// `node --import ./apps/cli/test/record-loads.mjs …`: appends every module URL the process loads from
// node_modules to the file in LOAD_LOG, so a test can see which packages a CLI start pulls in.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
    import { appendFileSync } from 'node:fs';
    export async function load(url, context, next) {
      if (url.includes('/node_modules/')) appendFileSync(process.env.LOAD_LOG, url + '\\n');
      return next(url, context);
    }
  `)}`,
);
