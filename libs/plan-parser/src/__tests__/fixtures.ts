import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

// Tests run from the repository root; CI has shared/ beside the checkout.
export const SHARED = path.resolve(process.cwd(), '../shared/fixtures');

export function fixtureText(name: string): string {
  return readFileSync(path.join(SHARED, 'documents', name), 'utf8');
}

export function fixtureNames(): string[] {
  return readdirSync(path.join(SHARED, 'documents')).filter((f) => f.endsWith('.txt')).sort();
}

export function expected(name: string): Record<string, unknown> & { items: Array<Record<string, unknown>> } {
  return JSON.parse(readFileSync(path.join(SHARED, 'expected', name.replace(/\.txt$/u, '.json')), 'utf8'));
}

/** A minimal one-page PDF with a Helvetica text layer, offsets computed so the xref is exact. */
export function minimalPdf(lines: string[]): Uint8Array {
  const content = lines.map((l, i) => `BT /F1 12 Tf 72 ${720 - i * 20} Td (${l.replace(/[()\\]/gu, '\\$&')}) Tj ET`).join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}
