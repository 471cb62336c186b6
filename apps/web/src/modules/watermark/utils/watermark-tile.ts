/** The darkest the watermark makes the page: text at this alpha over white (WCAG: the page's text keeps its contrast). */
export const WATERMARK_ALPHA = 0.07;
const TILE_WIDTH = 320;
const TILE_HEIGHT = 200;

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One tile of the watermark: the text once, turned 20° up, as an SVG data URL to repeat over the page. */
export function watermarkTile(text: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${TILE_WIDTH}" height="${TILE_HEIGHT}">` +
    `<text x="50%" y="50%" text-anchor="middle" dominant-baseline="middle" transform="rotate(-20 ${TILE_WIDTH / 2} ${TILE_HEIGHT / 2})" ` +
    `font-family="sans-serif" font-size="15" fill="rgba(0,0,0,${WATERMARK_ALPHA})">${escapeXml(text)}</text></svg>`;
  return `url("data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}")`;
}

/** sRGB relative luminance (WCAG 2.x). */
function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of two opaque colours. */
export function contrastRatio(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` at `alpha` laid over the opaque `under`. */
export const over = (color: number[], alpha: number, under: number[]) =>
  color.map((c, i) => c * alpha + under[i] * (1 - alpha));
