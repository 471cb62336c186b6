import { ensureBrowser, planBrowserSetup } from './browser-setup.mjs';

const machine = (facts: Partial<ReturnType<typeof base>> = {}) => ({ ...base(), ...facts });
function base() {
  return {
    chromium: '/usr/bin/chromium',
    chromiumFound: true,
    cjkFontFound: true,
    pgbouncerFound: true,
    ocrFound: true,
    root: false,
    aptGet: true,
  };
}

describe('planBrowserSetup', () => {
  it('does nothing when Chromium and a Chinese font are there', () => {
    expect(planBrowserSetup(machine())).toEqual({ action: 'ready' });
  });

  it('installs what is missing as root with apt', () => {
    expect(planBrowserSetup(machine({ root: true, chromiumFound: false, cjkFontFound: false }))).toEqual({
      action: 'install',
      packages: ['chromium', 'fonts-noto-cjk'],
    });
    expect(planBrowserSetup(machine({ root: true, cjkFontFound: false }))).toEqual({
      action: 'install',
      packages: ['fonts-noto-cjk'],
    });
  });

  it('installs the OCR tools along as root, and never stops for them otherwise', () => {
    expect(planBrowserSetup(machine({ root: true, ocrFound: false }))).toEqual({
      action: 'install',
      packages: ['poppler-utils', 'tesseract-ocr', 'tesseract-ocr-chi-sim'],
    });
    expect(planBrowserSetup(machine({ root: true, chromiumFound: false, ocrFound: false }))).toEqual({
      action: 'install',
      packages: ['chromium', 'poppler-utils', 'tesseract-ocr', 'tesseract-ocr-chi-sim'],
    });
    expect(planBrowserSetup(machine({ ocrFound: false }))).toEqual({ action: 'ready' });
  });

  it('stops with the one command to run when it cannot install Chromium', () => {
    for (const facts of [
      machine({ chromiumFound: false, cjkFontFound: false }),
      machine({ root: true, aptGet: false, chromiumFound: false, cjkFontFound: false }),
    ]) {
      const plan = planBrowserSetup(facts);
      expect(plan.action).toBe('stop');
      expect(plan.message).toContain('Chromium at /usr/bin/chromium');
      expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y chromium fonts-noto-cjk');
    }
  });

  it('installs PgBouncer as root, and otherwise stops with the command before any test runs', () => {
    expect(planBrowserSetup(machine({ root: true, pgbouncerFound: false }))).toEqual({
      action: 'install',
      packages: ['pgbouncer'],
    });
    const plan = planBrowserSetup(machine({ pgbouncerFound: false, cjkFontFound: false }));
    expect(plan.action).toBe('stop');
    expect(plan.message).toContain('the connection-pooling tests need PgBouncer');
    expect(plan.message).not.toContain('Chromium at');
    expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y fonts-noto-cjk pgbouncer');
  });

  it('only warns when just the fonts are missing and cannot be installed', () => {
    const plan = planBrowserSetup(machine({ cjkFontFound: false }));
    expect(plan.action).toBe('warn');
    expect(plan.message).toContain('sudo apt-get update && sudo apt-get install -y fonts-noto-cjk');
  });
});

describe('ensureBrowser', () => {
  /** A machine whose facts change after a successful install, and a record of what was installed. */
  function fakeMachine(before: ReturnType<typeof base>, installWorks: boolean) {
    const installed: string[][] = [];
    let done = false;
    return {
      installed,
      probe: () => (done ? { ...before, chromiumFound: true, cjkFontFound: true, pgbouncerFound: true } : before),
      install: async (packages: string[]) => {
        installed.push(packages);
        done = installWorks;
        return installWorks;
      },
      log: () => undefined,
    };
  }

  it('installs Chromium and fonts as root and goes on', async () => {
    const m = fakeMachine(machine({ root: true, chromiumFound: false, cjkFontFound: false }), true);
    await expect(ensureBrowser(m)).resolves.toEqual({ ok: true });
    expect(m.installed).toEqual([['chromium', 'fonts-noto-cjk']]);
  });

  it('stops with the command when apt-get fails', async () => {
    const m = fakeMachine(machine({ root: true, chromiumFound: false }), false);
    const result = await ensureBrowser(m);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('apt-get failed');
    expect(result.message).toContain('apt-get install -y chromium');
  });

  it('names CHROMIUM_PATH when apt-get succeeded but Chromium is still not where it points', async () => {
    const m = fakeMachine(machine({ root: true, chromium: '/opt/chrome/chrome', chromiumFound: false }), false);
    m.install = async (packages: string[]) => (m.installed.push(packages), true);
    const result = await ensureBrowser(m);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('/opt/chrome/chrome still does not exist: set CHROMIUM_PATH');
  });

  it('installs PgBouncer as root and goes on; stops with its command when apt-get cannot', async () => {
    const works = fakeMachine(machine({ root: true, pgbouncerFound: false }), true);
    await expect(ensureBrowser(works)).resolves.toEqual({ ok: true });
    expect(works.installed).toEqual([['pgbouncer']]);

    const fails = fakeMachine(machine({ root: true, pgbouncerFound: false }), false);
    const result = await ensureBrowser(fails);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('need PgBouncer');
    expect(result.message).toContain('apt-get install -y pgbouncer');
  });

  it('stops without installing anything when it is not root', async () => {
    const m = fakeMachine(machine({ chromiumFound: false }), true);
    const result = await ensureBrowser(m);
    expect(result.ok).toBe(false);
    expect(m.installed).toEqual([]);
  });

  it('installs nothing on a machine that has everything', async () => {
    const m = fakeMachine(machine({ root: true }), true);
    await expect(ensureBrowser(m)).resolves.toEqual({ ok: true });
    expect(m.installed).toEqual([]);
  });
});
