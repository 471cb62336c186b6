import { describe, expect, it } from 'vitest';
import { exportHref } from '../../exports';
import { cleanAuditFilter } from './audit-filter';

describe('audit filter', () => {
  it('drops blank text, and the export link carries the same filter', () => {
    const values = {
      action: ' sign_in ',
      entityId: '  ',
      from: '2026-01-01T00:00:00.000Z',
      result: 'failure' as const,
    };
    const clean = cleanAuditFilter(values);
    expect(clean).toMatchObject({ action: 'sign_in', entityId: undefined, result: 'failure' });
    expect(exportHref('audit-log.xlsx', { ...clean })).toBe(
      '/exports/audit-log.xlsx?action=sign_in&result=failure&from=2026-01-01T00%3A00%3A00.000Z',
    );
  });
});
