import { readFile } from 'node:fs/promises';
import { DocumentReadError, extractDocument, parsePlan } from '@duban/plan-parser';
import type { CliCommand } from '../command.js';

const USAGE = 'parse <file> [--year <YYYY>] [--no-ocr] --json';

interface ParseArgs {
  file: string;
  year?: number;
  /** Refuse scanned PDFs instead of recognising them (OCR is used where tesseract is installed). */
  noOcr?: boolean;
}

function readArgs(args: string[]): ParseArgs | string {
  let file: string | undefined;
  let year: number | undefined;
  let noOcr = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--json') continue;
    if (a === '--no-ocr') {
      noOcr = true;
      continue;
    }
    if (a === '--year') {
      const v = args[++i];
      if (!v || !/^\d{4}$/u.test(v)) return '--year needs a four-digit year';
      year = Number(v);
    } else if (a.startsWith('--')) return `unknown option: ${a}`;
    else if (file) return `unexpected argument: ${a}`;
    else file = a;
  }
  return file ? { file, year, noOcr } : 'missing <file>';
}

/** `parse`: document → the parser's JSON on stdout (shared/contracts/parse-cli.md). */
export const parseCommand: CliCommand = {
  summary: 'read a 工作要点/工作方案 (.txt, .docx, .pdf) and print its structure as JSON',
  usage: USAGE,
  async run(args, io) {
    const parsed = readArgs(args);
    if (typeof parsed === 'string') {
      io.stderr(`${parsed}\nusage: ${USAGE}\n`);
      return 2;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFile(parsed.file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      io.stderr(
        `cannot read ${parsed.file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? e)}\n`,
      );
      return 2;
    }
    try {
      const read = await extractDocument(bytes, parsed.file, { ocr: !parsed.noOcr });
      const plan = parsePlan(read.text, { year: parsed.year });
      plan.warnings.unshift(...read.notes);
      io.stdout(`${JSON.stringify(plan, null, 2)}\n`);
      for (const w of plan.warnings) io.stderr(`warning: ${w}\n`);
      return 0;
    } catch (e) {
      if (e instanceof DocumentReadError) {
        io.stderr(`cannot read ${parsed.file}: ${e.message.replace(/\s*\n\s*/gu, ' ')} [${e.code}]\n`);
        return 2;
      }
      throw e;
    }
  },
};
