import { execFileSync } from 'node:child_process';

// graphql-codegen runs in its own Node process: it loads its plugins with plain ESM imports, which
// jest's module sandbox does not provide.
const drifted = () =>
  execFileSync(process.execPath, ['--import', './tools/register-ts.mjs', 'tools/lib/client-types.ts'], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter(Boolean);

describe('the committed web client types (apps/web/src/generated)', () => {
  it('match what graphql-codegen writes from schema.gql and the web documents (run `npm run schema:generate`)', () => {
    expect(drifted()).toEqual([]);
  });
});
