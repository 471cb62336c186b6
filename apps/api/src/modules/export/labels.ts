/** Chinese labels the exported documents print for stored codes. */
export const STATUS_LABEL: Record<string, string> = {
  NOT_STARTED: '未开始',
  IN_PROGRESS: '推进中',
  SUBMITTED: '已报完成待审核',
  RETURNED: '已退回',
  DONE: '已完成',
  CLOSED: '已办结',
};

export const ROLE_LABEL: Record<string, string> = { LEAD: '牵头', RESPONSIBLE: '责任' };

export const LIGHT_LABEL: Record<string, string> = {
  GREEN: '绿灯',
  YELLOW: '黄灯',
  RED: '红灯',
  DONE: '按期完成',
  DONE_LATE: '逾期完成',
};

/**
 * Excel's own "good / neutral / bad" fills, which people read as green / yellow / red. Done late stays
 * visible as such with a fill of its own (lavender): finished, but not on time, and not to be read as 红灯.
 */
export const LIGHT_FILL: Record<string, string> = {
  GREEN: 'FFC6EFCE',
  DONE: 'FFC6EFCE',
  YELLOW: 'FFFFEB9C',
  RED: 'FFFFC7CE',
  DONE_LATE: 'FFE4DFEC',
};
