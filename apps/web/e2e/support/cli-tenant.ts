import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Creates a tenant and its office admin with the real CLI in a fresh data directory, before the app starts on it. */
export async function createTenantWithCli(
  dataDir: string,
  t: { code: string; name: string; admin: string; password: string },
): Promise<void> {
  await promisify(execFile)(
    process.execPath,
    [
      'tools/cli.mjs',
      'tenant',
      'create',
      '--code',
      t.code,
      '--name',
      t.name,
      '--admin',
      t.admin,
      '--password',
      t.password,
      // Two-factor sign-in has its own browser test (two-factor.e2e-spec); other tests sign in with the password.
      '--two-factor',
      'off',
    ],
    { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' } },
  );
}
