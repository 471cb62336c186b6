// `npm run db:backup [-- --out <file>]`: pg_dump (custom format) of DATABASE_DIRECT_URL or DATABASE_URL,
// or of the embedded database in DATA_DIR, through the app's own server while it runs (a dump is a
// consistent snapshot taken alongside the app's work). Restore with `npm run db:restore`.
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkVersions, libpqEnv, main, openTarget, parseArgs, runTool } from './db-tools.js';

/** backups/duban-YYYYMMDD-HHmmss.dump, in local time like the operator's clock. */
function defaultFile(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return path.join('backups', `duban-${stamp}.dump`);
}

function humanSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

await main(async () => {
  const args = parseArgs(process.argv.slice(2), ['out'], []);
  const file = path.resolve(typeof args.out === 'string' ? args.out : defaultFile());
  const target = await openTarget(undefined, false, 'share');
  try {
    await checkVersions('pg_dump', target.url);
    mkdirSync(path.dirname(file), { recursive: true });
    await runTool('pg_dump', ['--format=custom', '--no-password', `--file=${file}`], libpqEnv(target.url));
  } finally {
    await target.stop();
  }
  console.log(`backup of ${target.label} written to ${file} (${humanSize(statSync(file).size)})`);
});
