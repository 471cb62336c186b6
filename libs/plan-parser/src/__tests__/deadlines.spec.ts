import { findDeadlines } from '../deadlines.js';
import { toMatchText } from '../char-normalize.js';

const find = (text: string, year: number | null = 2021) =>
  findDeadlines(text, toMatchText(text), year).map(({ text: t, date }) => ({ text: t, date }));

describe('time limits', () => {
  it.each([
    ['6月底前完成', '6月底前', '2021-06-30'],
    ['今年9月底完成', '9月底', '2021-09-30'],
    ['于11月30日前报送', '11月30日前', '2021-11-30'],
    ['年底前完成', '年底前', '2021-12-31'],
    ['要在年内完成', '年内', '2021-12-31'],
    ['确保2022年底前完成', '2022年底前', '2022-12-31'],
    ['2020 年11 月底前,完成', '2020 年11 月底前', '2020-11-30'],
    ['2021年3月15日前', '2021年3月15日前', '2021-03-15'],
    ['上半年完成', '上半年', '2021-06-30'],
    ['三季度完成', '三季度', '2021-09-30'],
    ['第一季度末前完成', '第一季度末前', '2021-03-31'],
    ['2月底前', '2月底前', '2021-02-28'],
    ['1個工作日內公開', '1個工作日內', null],
    ['24小时内回应', '24小时内', null],
    ['20个工作日内答复', '20个工作日内', null],
    ['於年底前制定', '年底前', '2021-12-31'],
  ])('%s', (text, found, date) => {
    expect(find(text)).toEqual([{ text: found, date }]);
  });

  it('finds several time limits in one sentence', () => {
    expect(find('8月底前完成试点验收,9月底前报送试点成果').map((d) => d.date)).toEqual(['2021-08-31', '2021-09-30']);
  });

  it('ignores durations, recurring periods and plain dates', () => {
    expect(find('用3年内时间,每季度开展一次,截至2021年6月18日,第十四个五年规划')).toEqual([]);
  });

  it('gives no date without a plan year', () => {
    expect(find('6月底前', null)).toEqual([{ text: '6月底前', date: null }]);
  });
});
