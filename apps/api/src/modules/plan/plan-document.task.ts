import { DocumentReadError, extractDocument, parsePlan, type ParsedPlan } from '@duban/plan-parser';
import { badInput } from '../../common/app-error.js';
import { isolatedTask } from '../../isolation/isolated-task.js';

export interface PlanDocumentInput {
  /** The uploaded document, or null for pasted text. */
  bytes: Uint8Array | null;
  filename: string | null;
  text: string | null;
  year: number | null;
  /** The tenant's unit names and aliases: they split names a table wrote together. */
  unitNames: string[];
  /** Time the recognition of a scanned PDF may take in all; the worker's own limit is longer. */
  ocrMs: number;
}

export interface PlanDocumentOutput {
  text: string;
  /** What the user should know about the reading (e.g. that OCR was used), in Chinese. */
  notes: string[];
  /** The document's plan; `plans` lists each one when a notice issues several. */
  parsed: ParsedPlan;
}

/** Document bytes (or pasted text) → its text and the parsed plan. Runs in a worker thread (PLAN_DOCUMENT_TASK). */
export async function readPlanDocument(input: PlanDocumentInput): Promise<PlanDocumentOutput> {
  let text = input.text ?? '';
  let notes: string[] = [];
  if (input.bytes) {
    try {
      ({ text, notes } = await extractDocument(input.bytes, input.filename ?? '', {
        ocrLimits: { totalMs: input.ocrMs },
      }));
    } catch (error) {
      if (error instanceof DocumentReadError) throw badInput(`无法读取文件：${error.message}`, 'file');
      throw error;
    }
  }
  const parsed = parsePlan(text, { ...(input.year != null ? { year: input.year } : {}), unitNames: input.unitNames });
  return { text, notes, parsed };
}

export const PLAN_DOCUMENT_TASK = isolatedTask<PlanDocumentInput, PlanDocumentOutput>(
  import.meta.url,
  'readPlanDocument',
  '文档',
);
