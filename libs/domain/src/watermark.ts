import { shanghaiDate } from './calendar/shanghai-time.js';

/** Who a watermark names: the person's name and, to tell two people of one name apart, the username. */
export function watermarkLabel(person: { displayName: string; username: string }): string {
  return `${person.displayName}（${person.username}）`;
}

/**
 * 防泄漏: the text tiled over every page and set in every export's footer when the tenant switches
 * the watermark on — who is looking and the day in Shanghai, so a screenshot or a printout names them.
 */
export function watermarkText(label: string, now: Date): string {
  return `${label} ${shanghaiDate(now)}`;
}
