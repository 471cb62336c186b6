import { cleanComment, cleanReportInput } from '../report-input.js';

const fieldOf = (run: () => unknown) => {
  try {
    run();
  } catch (err) {
    return (err as { extensions: { field?: string } }).extensions.field;
  }
  return null;
};

describe('report input', () => {
  it('trims text, drops duplicate URLs and requires 100% for a completion claim', () => {
    const input = cleanReportInput({
      text: ' 进展 ',
      progress: 100,
      claimsCompletion: true,
      evidenceUrls: ['http://a.cn/x', 'http://a.cn/x'],
      fileIds: [],
    });
    expect(input).toEqual({
      text: '进展',
      progress: 100,
      claimsCompletion: true,
      evidenceUrls: ['http://a.cn/x'],
      fileIds: [],
    });
    expect(
      fieldOf(() =>
        cleanReportInput({ text: 'x', progress: 99, claimsCompletion: true, evidenceUrls: [], fileIds: [] }),
      ),
    ).toBe('progress');
    expect(
      fieldOf(() =>
        cleanReportInput({ text: 'x', progress: 1.5, claimsCompletion: false, evidenceUrls: [], fileIds: [] }),
      ),
    ).toBe('progress');
  });

  it('requires a comment only when asked to, and bounds it', () => {
    expect(cleanComment('  ', false, 'comment', '')).toBeNull();
    expect(fieldOf(() => cleanComment(' ', true, 'reason', '请填写'))).toBe('reason');
    expect(fieldOf(() => cleanComment('字'.repeat(1001), false, 'comment', ''))).toBe('comment');
  });
});
