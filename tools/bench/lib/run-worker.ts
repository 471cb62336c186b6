import { spawn } from 'node:child_process';
import type { LoadResult, LoadSpec } from './load-types.js';

/** Starts the load worker as a child process and waits for its JSON result. */
export function runLoadWorker(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', './tools/register-ts.mjs', 'tools/bench/lib/load-worker.ts', JSON.stringify(spec)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => {
      try {
        resolve(JSON.parse(out) as LoadResult);
      } catch {
        reject(new Error(`load worker exited with ${code}: ${out.slice(0, 300)}`));
      }
    });
  });
}
