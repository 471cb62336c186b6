// Text recognition for scanned PDFs, where the machine has it: poppler's `pdftoppm` renders the
// pages and `tesseract` with its Simplified Chinese data (`chi_sim`) reads them. Both are optional
// system packages (Debian: poppler-utils, tesseract-ocr, tesseract-ocr-chi-sim); without them a
// scanned PDF is refused with a message instead.

export interface OcrLimits {
  /** Pages recognised at most (a plan is a few pages; the rest is refused by the caller). */
  pages: number;
  /** Time for rendering all pages, and again for each page's recognition. */
  timeoutMs: number;
  /** Time for the whole recognition: a process still running when it is spent is killed. */
  totalMs: number;
}

export const OCR_LIMITS: OcrLimits = { pages: 20, timeoutMs: 60_000, totalMs: 300_000 };

/** The recognition ran out of its time (OcrLimits.totalMs or a step's timeoutMs); its process was killed. */
export class OcrTimeoutError extends Error {}

// Scans are usually 200–300 dpi; rendering at 200 keeps the characters of official documents
// (16 pt) about 44 pixels high, which tesseract reads best, without upsampling a 200 dpi scan.
const DPI = 200;

let available: Promise<boolean> | null = null;

/** Whether pdftoppm and tesseract with chi_sim are installed (checked once per process). */
export function ocrAvailable(): Promise<boolean> {
  available ??= (async () => {
    try {
      const langs = await run('tesseract', ['--list-langs'], 10_000);
      await run('pdftoppm', ['-v'], 10_000);
      return /^chi_sim$/mu.test(langs);
    } catch {
      return false;
    }
  })();
  return available;
}

async function run(command: string, args: string[], timeout: number): Promise<string> {
  const { execFile } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8', killSignal: 'SIGKILL' },
      (error, stdout, stderr) => {
        // Killed by the timeout (execFile's only use of the kill signal here).
        if (error?.killed) reject(new OcrTimeoutError(`${command} ran out of its ${timeout} ms`));
        // `pdftoppm -v` prints its version on stderr and exits 0 (older versions exit 99).
        else if (error && !(command === 'pdftoppm' && stderr.includes('pdftoppm'))) reject(error);
        else resolve(stdout || stderr);
      },
    );
  });
}

/**
 * Recognises the first `pageCount` pages of a PDF; returns their text, pages separated by a blank line.
 * Every process gets what is left of `limits.totalMs` at most, so the whole recognition ends within it.
 */
export async function ocrPdf(bytes: Uint8Array, pageCount: number, limits: OcrLimits = OCR_LIMITS): Promise<string> {
  const deadline = Date.now() + limits.totalMs;
  const timeLeft = () => {
    const left = Math.min(limits.timeoutMs, deadline - Date.now());
    if (left <= 0) throw new OcrTimeoutError(`recognition ran out of its ${limits.totalMs} ms`);
    return left;
  };
  const { mkdtemp, writeFile, readdir, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = await mkdtemp(path.join(tmpdir(), 'duban-ocr-'));
  try {
    const pdf = path.join(dir, 'in.pdf');
    await writeFile(pdf, bytes);
    const last = Math.min(pageCount, limits.pages);
    await run(
      'pdftoppm',
      ['-r', String(DPI), '-gray', '-png', '-f', '1', '-l', String(last), pdf, path.join(dir, 'page')],
      timeLeft(),
    );
    const images = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    const pages: string[] = [];
    for (const image of images) {
      pages.push(cleanOcrText(await run('tesseract', [path.join(dir, image), 'stdout', '-l', 'chi_sim'], timeLeft())));
    }
    return pages.join('\n\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const SPACE_BETWEEN_CJK = new RegExp(
  `(?<=[${CJK}]) +(?=[${CJK}])|(?<=[${CJK}]) +(?=[(（])|(?<=[)）]) +(?=[${CJK}])`,
  'gu',
);

/** Tesseract puts spaces between Chinese characters and writes ASCII brackets: the spaces go. */
export function cleanOcrText(text: string): string {
  return text.replace(/\f/gu, '').replace(SPACE_BETWEEN_CJK, '');
}
