import { spawn } from 'node:child_process';
import path from 'node:path';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real CLI as a user would (npm run cli → tools/cli.mjs), asynchronously so jest stays
 * responsive. DATABASE_URL and AUDIT_HMAC_KEY come only from `env`, and DATA_DIR is `<scratch>/data`:
 * with DATABASE_URL set nothing is written there, and a mistake that started an embedded server would
 * do it in a throwaway place.
 */
export function runCli(scratch: string, env: Record<string, string | undefined>, ...args: string[]): Promise<CliRun> {
  const { DATABASE_URL: _url, AUDIT_HMAC_KEY: _key, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/cli.mjs', ...args], {
      env: { ...inherited, DATA_DIR: path.join(scratch, 'data'), ...env } as NodeJS.ProcessEnv,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
