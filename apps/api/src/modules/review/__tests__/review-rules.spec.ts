import { AppError } from '../../../common/app-error.js';
import { cleanEvidenceUrls, needsRectification, rectificationDueDate, REVIEW_VERDICTS, uuidArg } from '../review-rules.js';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof AppError ? `${error.code}:${String(error.extensions.field)}` : 'other';
  }
  return 'none';
};

describe('review rules', () => {
  it('asks for 整改 exactly for 部分落实 and 未落实', () => {
    expect(REVIEW_VERDICTS.filter(needsRectification)).toEqual(['PARTIAL', 'NOT_IMPLEMENTED']);
  });

  it('takes a 整改 time limit only after today and within five years', () => {
    expect(rectificationDueDate('2026-01-16', '2026-01-15')).toBe('2026-01-16');
    expect(rectificationDueDate('2031-12-31', '2026-01-15')).toBe('2031-12-31');
    expect(fieldOf(() => rectificationDueDate('2026-01-15', '2026-01-15'))).toBe('BAD_USER_INPUT:rectification.dueDate');
    expect(fieldOf(() => rectificationDueDate('2025-12-31', '2026-01-15'))).toBe('BAD_USER_INPUT:rectification.dueDate');
    expect(fieldOf(() => rectificationDueDate('2032-01-01', '2026-01-15'))).toBe('BAD_USER_INPUT:rectification.dueDate');
  });

  it('keeps http(s) evidence once each and refuses anything else', () => {
    expect(cleanEvidenceUrls([' https://a.gov.cn/x ', 'https://a.gov.cn/x', 'http://b.gov.cn/'])).toEqual(['https://a.gov.cn/x', 'http://b.gov.cn/']);
    for (const bad of ['javascript:alert(1)', 'ftp://a.gov.cn/x', 'a.gov.cn/x', 'data:text/html,x', `https://a.gov.cn/${'x'.repeat(2000)}`]) {
      expect(fieldOf(() => cleanEvidenceUrls([bad]))).toBe('BAD_USER_INPUT:evidenceUrls');
    }
    expect(fieldOf(() => cleanEvidenceUrls(Array.from({ length: 21 }, (_, i) => `https://a.gov.cn/${i}`)))).toBe('BAD_USER_INPUT:evidenceUrls');
  });

  it('refuses malformed ids before they reach SQL', () => {
    expect(uuidArg('0b7c7a1e-54e3-4d6a-9a8e-2f0f5f1d1c11', 'id')).toBe('0b7c7a1e-54e3-4d6a-9a8e-2f0f5f1d1c11');
    expect(fieldOf(() => uuidArg("1' OR '1'='1", 'id'))).toBe('BAD_USER_INPUT:id');
  });
});
