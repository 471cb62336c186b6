import { postMultipart } from '../../uploads/utils/multipart';

export type ImportAction = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'ERROR';

/** One field an updated row changes: 字段：原值 → 新值. */
export interface UnitFieldChange {
  field: string;
  before: string;
  after: string;
}

/** The answer of POST /imports/units: per row, what a dry run would do or what the import did. */
export interface UnitImportResult {
  dryRun: boolean;
  created: number;
  updated: number;
  unchanged: number;
  errors: number;
  rows: { row: number; name: string; action: ImportAction; message: string | null; changes: UnitFieldChange[] }[];
  /** Active units the file does not name. */
  missing: { id: string; name: string }[];
  /** Missing units this import deactivated. */
  deactivated: number;
}

export interface ImportUnitsOptions {
  /** Check every row without writing. */
  dryRun: boolean;
  /** Also deactivate (停用) the active units the file does not name. */
  deactivateMissing: boolean;
}

export type ImportUnitsFile = (file: File, options: ImportUnitsOptions) => Promise<UnitImportResult>;

/** Sends the directory sheet (.xlsx/.csv/.txt) as a multipart upload. */
export const importUnitsFile: ImportUnitsFile = (file, { dryRun, deactivateMissing }) => {
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append('deactivateMissing', String(deactivateMissing));
  form.append('file', file, file.name);
  return postMultipart<UnitImportResult>('/imports/units', form);
};
