import { describe, expect, it } from 'vitest';
import { toAuditLogFilter, toExportParams } from './audit-filter';

describe('audit filter', () => {
  it('drops blank text and keeps the same values for the query and the export', () => {
    const values = {
      action: ' sign_in ',
      entityId: '  ',
      from: '2026-01-01T00:00:00.000Z',
      result: 'failure' as const,
    };
    expect(toAuditLogFilter(values)).toMatchObject({ action: 'sign_in', entityId: undefined, result: 'failure' });
    expect(toExportParams(values)).toMatchObject({
      action: 'sign_in',
      from: '2026-01-01T00:00:00.000Z',
      result: 'failure',
    });
    expect(toExportParams(values).entityId).toBeUndefined();
  });
});
