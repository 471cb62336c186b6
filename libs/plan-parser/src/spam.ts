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

const SPAM_LIST = SPAM_WORDS.source.split('|');

/**
 * The spam words that can occur in texts made of the document's characters: those whose every
 * character the document contains (`has`). Usually none or a few.
 */
export function possibleSpamWords(has: (code: number) => boolean): string[] {
  return SPAM_LIST.filter((w) => {
    for (let i = 0; i < w.length; i++) if (!has(w.charCodeAt(i))) return false;
    return true;
  });
}

// The alternation of just the words that can occur is much faster than the whole list. The few
// distinct subsets seen are compiled once each.
const subsetPatterns = new Map<string, RegExp>();
function patternOf(words: string[]): RegExp {
  const source = words.join('|');
  let re = subsetPatterns.get(source);
  if (!re) {
    if (subsetPatterns.size >= 64) subsetPatterns.clear();
    re = new RegExp(source, 'u');
    subsetPatterns.set(source, re);
  }
  return re;
}

/**
 * `findSpam` of each text. `words`, when known, are the only spam words that can occur in them
 * (see possibleSpamWords): the texts are then searched for those alone, or not at all.
 */
export function findSpamInAll(matches: string[], words: string[] | null): Array<Array<[number, number]>> {
  if (!words) return matches.map(findSpam);
  // Impossible words never match, so the first match of the subset is the first of the whole list.
  const pattern = words.length ? patternOf(words) : null;
  return matches.map((match) => {
    const found: Array<[number, number]> = [];
    const word = pattern ? pattern.exec(match) : null;
    if (word) found.push([word.index, word.index + word[0].length]);
    if (match.includes('www') || match.includes('http')) {
      URL.lastIndex = 0;
      for (let m = URL.exec(match); m; m = URL.exec(match)) {
        if (!OFFICIAL_HOST.test(m[0] + '/')) found.push([m.index, m.index + m[0].length]);
      }
    }
    return found;
  });
}
