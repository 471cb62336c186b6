// Web copies of government documents pick up advertising injected by mirror sites: gambling and
// lottery words, or a mirror's own address in brackets. The text stays as written; these are only
// reported so the office can clean the source.

const SPAM_WORDS =
  /即时比分|比分直播|足球比分|篮球比分|比分网|博彩|娱乐城|百家乐|六合彩|时时彩|彩票网|赌场|赌球|真人视讯|棋牌游戏|体育投注|网上投注|代开发票|发票代开|刷单|网赚|裸聊|成人视频|澳门新葡京|威尼斯人娱乐/u;
// Addresses of sites that are not government, education or party sites.
const URL = /(?:https?:\/\/|www\.)[a-z0-9.-]{2,60}/giu;
const OFFICIAL_HOST = /\.(?:gov|edu|org)(?:\.cn)?(?:$|[/:])|\.gov$|12345|\.mil\.cn/iu;

/** Suspicious fragments in `match` (the match copy), as [start, end) ranges. */
export function findSpam(match: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  const word = SPAM_WORDS.exec(match);
  if (word) found.push([word.index, word.index + word[0].length]);
  // Cheap precheck: most paragraphs hold no address at all.
  if (match.includes('www') || match.includes('http')) {
    URL.lastIndex = 0;
    for (let m = URL.exec(match); m; m = URL.exec(match)) {
      if (!OFFICIAL_HOST.test(m[0] + '/')) found.push([m.index, m.index + m[0].length]);
    }
  }
  return found;
}
