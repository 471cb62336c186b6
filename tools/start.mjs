// `npm start`: build what changed, then run the API (which starts the embedded PostgreSQL unless
// DATABASE_URL is set, migrates, loads the demo tenant and serves the web app on PORT).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { runOrExit } from './lib/run.mjs';

/** Values from ./.env fill in what the environment does not set. */
function loadDotEnv() {
  if (!existsSync('.env')) return;
  for (const line of readFileSync('.env', 'utf8').split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (match && process.env[match[1]] === undefined) process.env[match[1]] = match[2].replace(/^"(.*)"$/, '$1');
  }
}

loadDotEnv();
process.stdout.write('Building Duban…\n');
await runOrExit(process.execPath, ['tools/build.mjs', '--if-stale']);

// A bounded V8 heap (as in the container image): without it V8 grows towards a quarter of the
// machine's memory before collecting. A size given in NODE_OPTIONS wins.
const heap = /max-old-space-size/.test(process.env.NODE_OPTIONS ?? '') ? [] : ['--max-old-space-size=384'];
const child = spawn(process.execPath, [...heap, '--enable-source-maps', 'dist/api/main.js'], {
  stdio: 'inherit',
  env: { DUBAN_BANNER: '1', ...process.env },
});
// The terminal sends Ctrl-C to the whole process group; forward other signals so the API can stop
// PostgreSQL cleanly before we exit.
for (const signal of ['SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
process.on('SIGINT', () => {});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
