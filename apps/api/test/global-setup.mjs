// Jest loads global setup outside its transform pipeline; run the TypeScript through the repo's SWC hooks.
import { register } from 'node:module';
register('../../../tools/ts-hooks.mjs', import.meta.url);
const { default: setup } = await import('./global-setup.ts');
export default setup;
