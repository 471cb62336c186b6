import { createWorkCalendar } from './work-calendar.js';
import { addDays, isoDate } from './iso-date.js';
import { holidayNoticeDays, readHolidayNoticeText } from './holiday-notice-text.js';

// As published on the State Council's site (国办发明电), pasted with its title and closing lines.
const NOTICE_2025 = `国务院办公厅关于2025年部分节假日安排的通知
国办发明电〔2024〕12号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2025年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周三）放假1天，不调休。
二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
三、清明节：4月4日（周五）至6日（周日）放假，共3天。
四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
节假日期间，各地区、各部门要妥善安排好值班和安全、保卫、疫情防控等工作。
国务院办公厅
2024年11月12日`;

const NOTICE_2024 = `国务院办公厅关于2024年部分节假日安排的通知
一、元旦：1月1日放假，与周末连休。
二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。
三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
五、端午节：6月10日放假，与周末连休。
六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。`;

/** Every day of the year on which the pasted notice and the maintained package disagree. */
function disagreements(notice: string, year: number): string[] {
  const read = readHolidayNoticeText(notice);
  const pasted = createWorkCalendar({ corrections: holidayNoticeDays(read) });
  const packaged = createWorkCalendar();
  const out: string[] = [];
  for (let d = isoDate(year, 1, 1); d.startsWith(`${year}-`); d = addDays(d, 1)) {
    if (pasted.isWorkingDay(d) !== packaged.isWorkingDay(d)) out.push(d);
  }
  return out;
}

describe('reading the State Council holiday notice', () => {
  it('reads 2025 with its make-up Sundays and Saturdays, ignoring lunar and weekday notes', () => {
    const read = readHolidayNoticeText(NOTICE_2025);
    expect(read.year).toBe(2025);
    expect(read.holidays.map((h) => [h.name, h.from, h.to, h.days.length])).toEqual([
      ['元旦', '2025-01-01', '2025-01-01', 1],
      ['春节', '2025-01-28', '2025-02-04', 8],
      ['清明节', '2025-04-04', '2025-04-06', 3],
      ['劳动节', '2025-05-01', '2025-05-05', 5],
      ['端午节', '2025-05-31', '2025-06-02', 3],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08', 8],
    ]);
    expect(read.makeUpDays).toEqual([
      { name: '春节', date: '2025-01-26' },
      { name: '春节', date: '2025-02-08' },
      { name: '劳动节', date: '2025-04-27' },
      { name: '国庆节、中秋节', date: '2025-09-28' },
      { name: '国庆节、中秋节', date: '2025-10-11' },
    ]);
    expect(read.warnings).toEqual([]);
  });

  it.each([
    [2025, NOTICE_2025],
    [2024, NOTICE_2024],
  ])('gives the same working days for %i as the maintained holiday package', (year, text) => {
    expect(disagreements(text, year)).toEqual([]);
  });

  it('does not take the 除夕 advice in brackets for a day off, and counts a Sunday make-up day as working', () => {
    const cal = createWorkCalendar({ corrections: holidayNoticeDays(readHolidayNoticeText(NOTICE_2024)) });
    expect(cal.isWorkingDay('2024-02-09')).toBe(true);
    expect(cal.isWorkingDay('2024-02-04')).toBe(true);
    expect(cal.isWorkingDay('2024-02-12')).toBe(false);
  });

  it('reads a range across the new year with written years (the 2019 notice)', () => {
    const read = readHolidayNoticeText(`国务院办公厅关于2019年部分节假日安排的通知
一、元旦：2018年12月30日至2019年1月1日放假调休，共3天。2018年12月29日（星期六）上班。
二、春节：2月4日至10日放假调休，共7天。2月2日（星期六）、2月3日（星期日）上班。`);
    expect(read.year).toBe(2019);
    expect(read.holidays[0].days).toEqual(['2018-12-30', '2018-12-31', '2019-01-01']);
    expect(read.makeUpDays.map((m) => m.date)).toEqual(['2018-12-29', '2019-02-02', '2019-02-03']);
  });

  it('uses the given year when the pasted part has no title, and warns when 共N天 disagrees with the range', () => {
    const read = readHolidayNoticeText('一、劳动节：5月1日至5日放假调休，共4天。4月26日上班。', 2031);
    expect(read.holidays[0]).toMatchObject({ from: '2031-05-01', to: '2031-05-05', statedDays: 4 });
    expect(read.warnings).toEqual([expect.stringContaining('共4天')]);
    expect(read.makeUpDays).toEqual([{ name: '劳动节', date: '2031-04-26' }]);
  });

  it.each([
    ['no year', '一、元旦：1月1日放假。', undefined, 'NO_YEAR'],
    ['nothing found', '2025年的通知正文没有编号事项', undefined, 'NOTHING_FOUND'],
    ['an impossible day', '一、春节：2月30日放假。', 2025, 'BAD_DATE'],
    ['a contradiction', '一、元旦：1月1日至3日放假，共3天。1月2日上班。', 2026, 'CONTRADICTION'],
  ])('refuses %s with a reason code', (_, text, year, reason) => {
    expect(() => readHolidayNoticeText(text, year)).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', details: expect.objectContaining({ reason }) }),
    );
  });
});
