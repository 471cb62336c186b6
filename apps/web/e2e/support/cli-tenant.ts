import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Creates a tenant and its office admin with the real CLI in a fresh data directory, before the app
 * starts on it. Two-factor sign-in is off unless asked for: it has its own browser test
 * (two-factor.e2e-spec), and the others sign in with the password.
 */
export async function createTenantWithCli(
  dataDir: string,
  t: { code: string; name: string; admin: string; adminName?: string; password: string; twoFactor?: 'on' | 'off' },
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
      ...(t.adminName ? ['--admin-name', t.adminName] : []),
      '--password',
      t.password,
      ...(t.twoFactor === 'on' ? [] : ['--two-factor', 'off']),
    ],
    { env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'error' } },
  );
}
