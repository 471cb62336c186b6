import { maskEmail, maskPhone } from './personal-mask.js';

describe('masking phone and e-mail in lists', () => {
  it('keeps the first three and last four digits of a phone', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('+86 138-1234-5678')).toBe('861****5678');
    expect(maskPhone('024-12345678')).toBe('024****5678');
    expect(maskPhone('12345')).toBe('****');
    expect(maskPhone(null)).toBeNull();
  });

  it('keeps the first letter and the domain of an e-mail', () => {
    expect(maskEmail('zhangsan@example.com')).toBe('z***@example.com');
    expect(maskEmail('a@b.cn')).toBe('a***@b.cn');
    expect(maskEmail('nonsense')).toBe('***');
    expect(maskEmail(null)).toBeNull();
  });
});
