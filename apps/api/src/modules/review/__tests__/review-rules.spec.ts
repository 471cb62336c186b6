import { codeAndField } from '../../../../test/app-errors.js';
import { REVIEW_VERDICTS } from '@duban/domain';
import { needsRectification, rectificationDueDate } from '../review-rules.js';

describe('review rules', () => {
  it('asks for 整改 exactly for 部分落实 and 未落实', () => {
    expect(REVIEW_VERDICTS.filter(needsRectification)).toEqual(['PARTIAL', 'NOT_IMPLEMENTED']);
  });

  it('takes a 整改 time limit only after today and within five years', () => {
    expect(rectificationDueDate('2026-01-16', '2026-01-15')).toBe('2026-01-16');
    expect(rectificationDueDate('2031-12-31', '2026-01-15')).toBe('2031-12-31');
    expect(codeAndField(() => rectificationDueDate('2026-01-15', '2026-01-15'))).toBe(
      'BAD_USER_INPUT:rectification.dueDate',
    );
    expect(codeAndField(() => rectificationDueDate('2025-12-31', '2026-01-15'))).toBe(
      'BAD_USER_INPUT:rectification.dueDate',
    );
    expect(codeAndField(() => rectificationDueDate('2032-01-01', '2026-01-15'))).toBe(
      'BAD_USER_INPUT:rectification.dueDate',
    );
  });
});
