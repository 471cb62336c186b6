import { docNumberKey, sourceTextHash } from '../document-identity.js';
import { importWarnings } from '../import-warnings.js';

describe('document identity', () => {
  it('the same 文号 whatever its brackets, width and spacing', () => {
    expect(docNumberKey('辽政公领发〔2021〕1号')).toBe(docNumberKey('辽政公领发[2021]1号'));
    expect(docNumberKey('辽政公领发【2021】 1号')).toBe(docNumberKey('辽政公领发（２０２１）1号'));
    expect(docNumberKey('辽政公领发〔2021〕1号')).not.toBe(docNumberKey('辽政公领发〔2021〕2号'));
    expect(docNumberKey('  ')).toBeNull();
    expect(docNumberKey(null)).toBeNull();
  });

  it('the same text whatever its line breaks and indents', () => {
    expect(sourceTextHash('一、公开\n　　1.做好解读。')).toBe(sourceTextHash('一、公开 1.做好\n解读。'));
    expect(sourceTextHash('一、公开')).not.toBe(sourceTextHash('二、公开'));
    expect(sourceTextHash(' \n ')).toBeNull();
  });
});

describe('importWarnings', () => {
  it('drops command-line hints, keeps the rest', () => {
    expect(
      importWarnings(['文件没有写明年份,时限无法换算成日期;可用 --year 指定', '编号不连续:「(八)」前缺少一项']),
    ).toEqual(['文件没有写明年份,时限无法换算成日期', '编号不连续:「(八)」前缺少一项']);
  });
});
