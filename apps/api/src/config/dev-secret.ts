import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A secret a development or test install makes for itself in DATA_DIR (never in the repository), the
 * way the embedded PostgreSQL's password is made: created once, then read by every process and CLI run
 * on that DATA_DIR. Production names its secrets in the environment (loadConfig insists).
 */
export function devSecret(dataDir: string, name: string): string {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': when processes start together only one creates it; the others read what it wrote.
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const value = readFileSync(file, 'utf8').trim();
  if (value) return value;
  // Another process created the file a moment ago and is still writing it.
  for (let i = 0; i < 50; i++) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    const again = readFileSync(file, 'utf8').trim();
    if (again) return again;
  }
  throw new Error(`${file} is empty: delete it to have a new secret made`);
}
