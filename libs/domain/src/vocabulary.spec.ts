import { MESSAGE_KINDS, messagePath } from './vocabulary.js';

describe('messagePath', () => {
  it('leads to the task where there is one, in the reader’s own list', () => {
    expect(messagePath('UNIT_LIAISON', 'URGE', 'abc')).toBe('/unit?task=abc');
    expect(messagePath('OFFICE_STAFF', 'REPORT_SUBMITTED', 'abc')).toBe('/ledger?task=abc');
  });

  it('leads across levels to the page where the work waits: the inbox of urges, or 催办记录 for a 签收', () => {
    expect(messagePath('OFFICE_STAFF', 'UPPER_URGE', null)).toBe('/levels/from-upper');
    expect(messagePath('OFFICE_ADMIN', 'UPPER_URGE_ACKNOWLEDGED', null)).toBe('/levels?view=urges');
  });

  it('otherwise leads each role home', () => {
    expect(messagePath('UNIT_LEADER', 'REPORT_PENDING_APPROVAL', null)).toBe('/unit/approvals');
    expect(messagePath('UNIT_LIAISON', 'DUE_SOON', null)).toBe('/unit');
    expect(messagePath('LEADERSHIP', 'INSTRUCTION', null)).toBe('/leadership');
    expect(messagePath('OFFICE_STAFF', 'SIGN_OVERDUE', undefined)).toBe('/office');
    expect(MESSAGE_KINDS).toContain('UPPER_URGE_ACKNOWLEDGED');
  });
});
