import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The API's start-up stays free of the heavy libraries only while no product file imports one
// directly: they go through heavy-libraries.ts (CommonJS) or an `await import()` where used (ESM only).
const HEAVY = ['exceljs', 'docx', 'jszip', 'qrcode', 'pinyin-pro', 'nodemailer', 'pino-pretty', 'file-type'];
const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function productFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '__tests__' ? [] : productFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('spec.ts') ? [full] : [];
  });
}

/** The heavy packages a file imports as values at load time (type-only imports cost nothing). */
function eagerHeavyImports(source: string): string[] {
  const imports = source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms);
  return [...imports].map((m) => m[1]).filter((name) => HEAVY.includes(name));
}

describe('heavy libraries are loaded on first use', () => {
  it('finds a value import and ignores type-only ones', () => {
    expect(eagerHeavyImports(`import ExcelJS from 'exceljs';\nimport { x } from './x.js';`)).toEqual(['exceljs']);
    expect(eagerHeavyImports(`import {\n  Paragraph,\n  TextRun,\n} from 'docx';`)).toEqual(['docx']);
    expect(eagerHeavyImports(`import type { Paragraph } from 'docx';\nimport type * as E from 'exceljs';`)).toEqual([]);
  });

  it('no product file of the API imports one at load time', () => {
    const offenders = productFiles(SRC)
      .filter((file) => !file.endsWith(`${path.sep}heavy-libraries.ts`))
      .flatMap((file) =>
        eagerHeavyImports(readFileSync(file, 'utf8')).map((name) => `${path.relative(SRC, file)}: ${name}`),
      );
    expect(offenders).toEqual([]);
  });
});
