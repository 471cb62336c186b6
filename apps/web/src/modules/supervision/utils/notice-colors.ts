import type { NoticeColor } from '../../../generated/graphql';

/** The three colours of a 督办通知单 and what each means. */
export const NOTICE_COLORS: { value: NoticeColor; label: string; why: string; tag: string }[] = [
  { value: 'BLUE', label: '蓝色督办', why: '时限临近', tag: 'blue' },
  { value: 'YELLOW', label: '黄色督办', why: '进度滞后', tag: 'gold' },
  { value: 'RED', label: '红色督办', why: '已逾期', tag: 'red' },
];
export const noticeColor = (color: NoticeColor) => NOTICE_COLORS.find((c) => c.value === color)!;
