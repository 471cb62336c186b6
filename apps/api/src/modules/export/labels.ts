/**
 * The Chinese name of a stored code, from @duban/domain's vocabulary (the web shows the same words);
 * an unknown code, say from a hand-edited row, prints as itself rather than as a blank cell.
 */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;

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
