import { codeAndField } from '../../test/app-errors.js';
import { cleanEvidenceUrl, cleanEvidenceUrls, isUuid, optionalText, requiredText, uuidArg } from './validation.js';

const messageOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('input validation', () => {
  it('refuses malformed ids before they reach SQL', () => {
    expect(uuidArg('0b7c7a1e-54e3-4d6a-9a8e-2f0f5f1d1c11', 'id')).toBe('0b7c7a1e-54e3-4d6a-9a8e-2f0f5f1d1c11');
    expect(isUuid('0B7C7A1E-54E3-4D6A-9A8E-2F0F5F1D1C11')).toBe(true);
    expect(codeAndField(() => uuidArg("1' OR '1'='1", 'id'))).toBe('BAD_USER_INPUT:id');
    expect(codeAndField(() => uuidArg(42 as unknown as string, 'taskId'))).toBe('BAD_USER_INPUT:taskId');
    expect(isUuid('0b7c7a1e-54e3-4d6a-9a8e-2f0f5f1d1c11\n')).toBe(false);
  });

  it('trims text, turns blank optional text into null and bounds both', () => {
    expect(optionalText('  说明 ', 'notes', '说明', 10)).toBe('说明');
    expect(optionalText(' \n ', 'notes', '说明', 10)).toBeNull();
    expect(optionalText(undefined, 'notes', '说明', 10)).toBeNull();
    expect(messageOf(() => optionalText('字'.repeat(11), 'notes', '说明', 10))).toBe('说明不能超过 10 个字');
    expect(requiredText(' 标题 ', 'title', '标题', 10)).toBe('标题');
    expect(messageOf(() => requiredText(' ', 'title', '标题', 10))).toBe('请填写标题');
    expect(codeAndField(() => requiredText('字'.repeat(11), 'title', '标题', 10))).toBe('BAD_USER_INPUT:title');
  });

  it('asks for a minimum length where one character says nothing', () => {
    expect(requiredText('同意', 'reason', '延期理由', 100, 2)).toBe('同意');
    expect(messageOf(() => requiredText(' 是 ', 'reason', '延期理由', 100, 2))).toBe('请填写延期理由（至少 2 个字）');
  });

  it('keeps http(s) evidence once each and refuses anything else', () => {
    expect(cleanEvidenceUrl(' https://www.gov.cn/zhengce/a.htm ')).toBe('https://www.gov.cn/zhengce/a.htm');
    expect(cleanEvidenceUrls([' https://a.gov.cn/x ', 'https://a.gov.cn/x', 'http://b.gov.cn/'])).toEqual([
      'https://a.gov.cn/x',
      'http://b.gov.cn/',
    ]);
    for (const bad of [
      'javascript:alert(1)',
      'ftp://a.gov.cn/x',
      'a.gov.cn/x',
      'data:text/html,x',
      'file:///etc/passwd',
      `https://a.gov.cn/${'x'.repeat(2000)}`,
    ]) {
      expect(codeAndField(() => cleanEvidenceUrls([bad]))).toBe('BAD_USER_INPUT:evidenceUrls');
    }
    expect(codeAndField(() => cleanEvidenceUrls(Array.from({ length: 21 }, (_, i) => `https://a.gov.cn/${i}`)))).toBe(
      'BAD_USER_INPUT:evidenceUrls',
    );
  });
});
