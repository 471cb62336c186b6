import { noticeColor, noticeColorOfTask } from './supervision-notice.js';

describe('督办通知单 colours', () => {
  it('colours a task red when overdue, yellow when behind pace, blue when due soon', () => {
    expect(noticeColorOfTask(['OVERDUE', 'REPORT_MISSING'])).toBe('RED');
    expect(noticeColorOfTask(['DUE_SOON', 'BEHIND_PACE'])).toBe('YELLOW');
    expect(noticeColorOfTask(['DUE_SOON'])).toBe('BLUE');
    expect(noticeColorOfTask(['REPORT_MISSING'])).toBeNull();
  });

  it('gives a notice the colour of its most serious task', () => {
    expect(noticeColor(['BLUE', 'RED', 'YELLOW'])).toBe('RED');
    expect(noticeColor([null, 'YELLOW', 'BLUE'])).toBe('YELLOW');
    expect(noticeColor([null])).toBe('BLUE');
  });
});
