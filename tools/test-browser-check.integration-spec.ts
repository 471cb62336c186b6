import { spawn } from 'node:child_process';

const NOBODY = 65534;

/** `npm test`'s runner as a user who cannot install packages: root's own runs are switched to `nobody`. */
function runTestCommand(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['tools/test.mjs'], {
      ...asNobody,
      env: { PATH: process.env.PATH!, HOME: '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // Should it start the whole run instead of stopping, do not let it go on.
    const limit = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(limit);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm test on a machine without Chromium', () => {
  it('stops before building anything, with the one command to run', async () => {
    const { code, stdout, stderr } = await runTestCommand({ CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(code).toBe(1);
    expect(stdout).not.toContain('▶');
    expect(stderr).toContain('the browser tests need Chromium at /nonexistent/chromium');
    expect(stderr).toMatch(/sudo apt-get update && sudo apt-get install -y chromium( fonts-noto-cjk)?\n/);
  });
});
