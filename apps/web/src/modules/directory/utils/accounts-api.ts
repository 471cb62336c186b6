import type { Role } from '../../../generated/graphql';
import { postMultipart } from '../../uploads/utils/multipart';

export interface IssuedAccount {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  unitName: string | null;
  password: string;
}

export interface AccountImportRow {
  row: number;
  displayName: string;
  unitName: string | null;
  role: Role | null;
  username: string | null;
  action: 'CREATE' | 'EXISTS' | 'ERROR';
  message: string | null;
}

export interface AccountImportResult {
  dryRun: boolean;
  created: number;
  exists: number;
  errors: number;
  rows: AccountImportRow[];
  accounts: IssuedAccount[];
}

/** POST /accounts/import: the check (dryRun) or the import of an account sheet. */
export function importAccounts(file: File, dryRun: boolean): Promise<AccountImportResult> {
  const form = new FormData();
  form.append('dryRun', String(dryRun));
  form.append('file', file, file.name);
  return postMultipart<AccountImportResult>('/accounts/import', form);
}

/** The form a 开通通知 download posts: the new accounts and their first passwords. */
export function noticeForm(accounts: Pick<IssuedAccount, 'userId' | 'password'>[]): FormData {
  const form = new FormData();
  form.append('accounts', JSON.stringify(accounts.map((a) => ({ userId: a.userId, password: a.password }))));
  return form;
}
