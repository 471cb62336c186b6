import { AppError, badInput } from '../../common/app-error.js';
import { parseLocalDate } from '../../common/scalars.js';

/** Field limits shared by import and editing; messages name the field in Chinese for the form. */
export const LIMITS = {
  title: 300,
  text: 20_000,
  label: 20,
  docNumber: 100,
  issuer: 200,
  rawName: 200,
  deadline: 200,
  reason: 1000,
  instruction: 2000,
};

export function planYear(value: number, field = 'year'): number {
  if (!Number.isInteger(value) || value < 2000 || value > 2100) throw badInput('年度应在 2000 到 2100 之间', field);
  return value;
}

/** Due dates may not fall before the plan year (a plan can run past its year, never before it). */
export function dateInPlanYearOrLater(value: string, year: number, field: string): string {
  let date: string;
  try {
    date = parseLocalDate(value);
  } catch (error) {
    throw error instanceof AppError ? badInput(error.message, field) : error;
  }
  if (date < `${year}-01-01`) throw badInput(`日期不能早于 ${year} 年（计划年度）`, field);
  if (date > '2100-12-31') throw badInput('日期超出范围', field);
  return date;
}

/** Whether the client sent the field: omitted means "leave as is", an explicit null means "clear". */
export const given = (input: object, key: string) =>
  Object.prototype.hasOwnProperty.call(input, key) && (input as any)[key] !== undefined;
