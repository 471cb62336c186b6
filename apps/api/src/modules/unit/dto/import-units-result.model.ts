import type { FieldChange, ImportAction } from '../import/unit-import.planner.js';

/** The JSON answer of POST /imports/units: what a dry run would do per row, or what the import did. */
export interface UnitImportRowModel {
  /** Row number in the sheet, as Excel shows it. */
  row: number;
  name: string;
  /** CREATED 新增, UPDATED 更新, UNCHANGED 无变化, ERROR 有错误. */
  action: ImportAction;
  /** Why an ERROR row fails; for a matched rename, how it was matched. */
  message: string | null;
  /** What an UPDATED row changes: 字段：原值 → 新值. */
  changes: FieldChange[];
}

/** An active unit no row of the file names. */
export interface UnitImportMissingModel {
  id: string;
  name: string;
}

export interface UnitImportResultModel {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  rows: UnitImportRowModel[];
  /** Active units the file does not name. */
  missing: UnitImportMissingModel[];
  /** Missing units this import deactivated (deactivateMissing). */
  deactivated: number;
}
