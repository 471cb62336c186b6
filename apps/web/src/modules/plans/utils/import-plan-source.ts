import { postMultipart } from '../../uploads/utils/multipart';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const IMPORT_ACCEPT = '.docx,.pdf,.txt';

/** An uploaded document or pasted text, as the import wizard's first step has it. */
export type PlanSource = { file: File } | { text: string };

/** One plan of a document; a notice may issue several (POST /imports/plan/choices lists them). */
export interface PlanChoice {
  index: number;
  title: string | null;
  year: number | null;
  keyPoints: number;
  impliedUnits: number;
}

function sourceForm(
  source: PlanSource,
  year: number | null,
  planIndex: number | null = null,
  allowDuplicate = false,
): FormData {
  const form = new FormData();
  if (year != null) form.append('year', String(year));
  if (planIndex != null) form.append('planIndex', String(planIndex));
  if (allowDuplicate) form.append('allowDuplicate', 'true');
  if ('file' in source) form.append('file', source.file, source.file.name);
  else form.append('text', source.text);
  return form;
}

/**
 * A document or pasted text sent to POST /imports/plan (`planIndex` picks one plan of a notice;
 * `allowDuplicate` imports a document imported before all the same); answers the new draft plan.
 * `idempotencyKey` is the import action's: a retry with it answers the plan the first attempt made.
 */
export function importPlanSource(
  source: PlanSource,
  year: number | null,
  planIndex: number | null = null,
  allowDuplicate = false,
  idempotencyKey?: string,
): Promise<{ id: string; title: string; year: number }> {
  return postMultipart('/imports/plan', sourceForm(source, year, planIndex, allowDuplicate), { idempotencyKey });
}

/** The plans a document holds, without importing (POST /imports/plan/choices). */
export function planImportChoices(source: PlanSource, year: number | null): Promise<PlanChoice[]> {
  return postMultipart<{ choices: PlanChoice[] }>('/imports/plan/choices', sourceForm(source, year)).then(
    (r) => r.choices,
  );
}
