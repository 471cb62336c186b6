import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// The hooks run in a Node process of their own (module.register), as every script that uses them does.
describe('tools/ts-hooks.mjs: transpiled sources kept between processes', () => {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'ts-hooks-'));
  const cacheDir = path.join(scratch, 'cache');
  const script = path.join(scratch, 'greeting.ts');
  const run = () =>
    execFileSync(process.execPath, ['--import', './tools/register-ts.mjs', script], {
      encoding: 'utf8',
      env: { ...process.env, TS_HOOKS_CACHE_DIR: cacheDir },
    }).trim();
  const cached = () => readdirSync(cacheDir).filter((f) => f.endsWith('.js'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('runs the source, reuses its output in the next process, and transpiles a changed source afresh', () => {
    writeFileSync(script, "const who: string = 'office';\nconsole.log(`hello ${who}`);\n");
    expect(run()).toBe('hello office');
    expect(cached()).toHaveLength(1);

    // The next process reads the kept output instead of transpiling: prove it by changing that output.
    const [entry] = cached();
    writeFileSync(path.join(cacheDir, entry), "console.log('from the cache');\n");
    expect(run()).toBe('from the cache');

    writeFileSync(script, "const who: string = 'unit';\nconsole.log(`hello ${who}`);\n");
    expect(run()).toBe('hello unit');
    expect(cached()).toHaveLength(2);
  });
});
