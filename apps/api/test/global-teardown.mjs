import { register } from 'node:module';
register('../../../tools/ts-hooks.mjs', import.meta.url);
const { default: teardown } = await import('./global-teardown.ts');
export default teardown;
