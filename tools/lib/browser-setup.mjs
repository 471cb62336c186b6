// What the tests need from the machine, and how `npm test` gets it before anything else runs: Debian's
// Chromium (driven by playwright-core) and Chinese fonts for legible screenshots, and PgBouncer, which
// the transaction-pooling tests put in front of the test PostgreSQL. As root with apt it installs them
// (as .ci/run relies on); otherwise it stops at once with the command to run.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PACKAGE = 'chromium';
export const CJK_FONT_PACKAGE = 'fonts-noto-cjk';
export const PGBOUNCER_PACKAGE = 'pgbouncer';
/** Where apps/api/test/pgbouncer.ts looks for it (Debian installs it in /usr/sbin). */
export const PGBOUNCER_BINARIES = ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer'];
/** OCR of scanned PDFs (optional at run time; the reader's OCR test skips without them): about 3 MB. */
export const OCR_PACKAGES = ['poppler-utils', 'tesseract-ocr', 'tesseract-ocr-chi-sim'];

/** Where the browser tests look for Chromium: CHROMIUM_PATH, or Debian's /usr/bin/chromium. */
export function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || '/usr/bin/chromium';
}

export function installCommand(packages) {
  return `sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`;
}

/** What this machine has, as the decision below needs it. */
export function probeMachine(env = process.env) {
  const fonts = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  const tesseract = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  return {
    ocrFound:
      spawnSync('pdftoppm', ['-v']).status === 0 && tesseract.status === 0 && /^chi_sim$/m.test(tesseract.stdout),
    chromium: chromiumPath(env),
    chromiumFound: existsSync(chromiumPath(env)),
    cjkFontFound: fonts.status === 0 && fonts.stdout.trim() !== '',
    pgbouncerFound: PGBOUNCER_BINARIES.some((file) => existsSync(file)),
    root: process.getuid?.() === 0,
    aptGet: existsSync('/usr/bin/apt-get'),
  };
}

/**
 * The decision, from the facts alone:
 *   ready   — nothing to do;
 *   install — root with apt: install what is missing;
 *   stop    — Chromium or PgBouncer is missing and we cannot install it: their tests cannot run;
 *   warn    — only the fonts are missing and we cannot install them: screenshots show boxes for Chinese.
 * The OCR tools are an extra: installed along when we can, never a reason to stop (their test skips).
 */
export function planBrowserSetup(facts) {
  const missing = [
    ...(facts.chromiumFound ? [] : [CHROMIUM_PACKAGE]),
    ...(facts.cjkFontFound ? [] : [CJK_FONT_PACKAGE]),
    ...(facts.pgbouncerFound === false ? [PGBOUNCER_PACKAGE] : []),
  ];
  const extras = facts.ocrFound === false ? OCR_PACKAGES : [];
  if (facts.root && facts.aptGet && missing.length + extras.length > 0)
    return { action: 'install', packages: [...missing, ...extras] };
  if (missing.length === 0) return { action: 'ready' };
  if (!facts.chromiumFound || facts.pgbouncerFound === false) {
    const needs = [
      ...(facts.chromiumFound ? [] : [`the browser tests need Chromium at ${facts.chromium}`]),
      ...(facts.pgbouncerFound === false ? ['the connection-pooling tests need PgBouncer'] : []),
    ];
    return {
      action: 'stop',
      message: `Missing from this machine: ${needs.join('; ')}. Install what is missing with:\n\n  ${installCommand(missing)}\n\nthen run npm test again${facts.chromiumFound ? '' : ' (or set CHROMIUM_PATH to a Chromium)'}.`,
    };
  }
  return {
    action: 'warn',
    message: `No Chinese font: browser screenshots will show boxes for Chinese. Install one with: ${installCommand(missing)}`,
  };
}

function aptGet(args) {
  return new Promise((resolve) => {
    const child = spawn('apt-get', args, {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    child.on('error', () => resolve(false));
    child.on('exit', (code) => resolve(code === 0));
  });
}

/** `apt-get update`, then install; true when both succeeded. */
export async function aptInstall(packages) {
  return (await aptGet(['update', '-qq'])) && (await aptGet(['install', '-y', '-qq', ...packages]));
}

/**
 * Makes the browser tests runnable or says why not. Resolves { ok, message? }; `probe` and `install`
 * are parameters so the decision's every branch can be tested on a machine that has Chromium.
 */
export async function ensureBrowser({
  probe = probeMachine,
  install = aptInstall,
  log = (line) => process.stdout.write(line + '\n'),
} = {}) {
  const plan = planBrowserSetup(probe());
  if (plan.action === 'ready') return { ok: true };
  if (plan.action === 'warn') {
    log(plan.message);
    return { ok: true };
  }
  if (plan.action === 'stop') return { ok: false, message: plan.message };
  log(`Installing ${plan.packages.join(' and ')} for the browser tests (apt-get)…`);
  const installed = await install(plan.packages);
  const after = probe();
  if (after.pgbouncerFound === false)
    return {
      ok: false,
      message: `The connection-pooling tests need PgBouncer, and apt-get did not install it (see above). Install it with:\n\n  ${installCommand([PGBOUNCER_PACKAGE])}\n`,
    };
  if (!after.chromiumFound) {
    const message = installed
      ? `apt-get installed ${CHROMIUM_PACKAGE}, but ${after.chromium} still does not exist: set CHROMIUM_PATH to Chromium's path (Debian's is /usr/bin/chromium), or unset it.`
      : `The browser tests need Chromium at ${after.chromium}, and apt-get failed (see above). Install it with:\n\n  ${installCommand(plan.packages)}\n`;
    return { ok: false, message };
  }
  if (!after.cjkFontFound)
    log(`${CJK_FONT_PACKAGE} could not be installed: browser screenshots will show boxes for Chinese.`);
  return { ok: true };
}
