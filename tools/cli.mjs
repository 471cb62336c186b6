// `npm run cli -- <command> …`: runs apps/cli from its TypeScript sources, no build needed.
import { register } from 'node:module';
register('./ts-hooks.mjs', import.meta.url);
const { main } = await import('../apps/cli/src/main.ts');
process.exitCode = await main(process.argv.slice(2));
