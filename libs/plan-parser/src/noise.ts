// Web page chrome that survives copy-and-paste: navigation, print/close/font buttons, share bars,
// counters, footers. Matched on the simplified match copy of a trimmed line.
const CHROME_ANYWHERE =
  /打印本页|打印此页|打印文章|关闭窗口|关闭本页|字体[: ]{0,2}[[(]?大 ?中 ?小|字号[: ]{0,2}[[(]?大 ?中 ?小|分享到|网站地图|版权所有|copyright|©|ICP备|公网安备|技术支持[:]|联系我们|免责声明|我要反馈|我要纠错|浏览次数|阅读次数|访问次数|扫一扫|收藏本页|加入收藏|设为首页|上一篇|下一篇|返回顶部|[[(] ?(?:关闭|打印|返回) ?[\])]/iu;
const CHROME_START =
  /^(?:首页|当前位置|您的位置|你的位置|您现在的位置|位置)[ :>»]|^(?:来源|信息来源|作者|责任编辑|编辑|点击|发布时间|发布日期|时间|字号|浏览|索引号|主题分类|主题词|成文日期|发布机构|分类|相关链接|相关文章|附件下载)[ ]{0,2}[:：]?(?:$|[ :]|\d)/u;
const BREADCRUMB = /^[^。,;]{1,40}(?: ?[>»] ?[^。,;>»]{1,20}){2,}$/u;

// Lines that close an official document or a web copy of it: the 抄送 list, the printing office's
// `…秘书处 2018年6月6日印发`, a download link, an attachment's file name left over as `<BR>.docx`.
// Page numbers of a PDF: `- 3 -`, `— 12 —`, `第 3 页`, `第3页 共10页`, `3 / 10`.
const PAGE_NUMBER =
  /^(?:[-—–－~ ]{1,3} ?\d{1,4} ?[-—–－~ ]{1,3}|第 ?\d{1,4} ?页(?: ?[,/ ]? ?共 ?\d{1,4} ?页)?|\d{1,4} ?\/ ?\d{1,4}|page ?\d{1,4}(?: ?of ?\d{1,4})?)$/iu;
const FOOTER =
  /^抄送[:]|(?:办公厅|办公室|秘书处|秘书科|文电科|文印室).{0,6}(?:19|20)\d{2} ?年 ?\d{1,2} ?月 ?\d{1,2} ?日 ?印发$|^(?:文件下载|附件下载|相关附件)$|<BR>/iu;

/** `breadcrumbs`: false when the document has no `>` or `»`, which every breadcrumb has. */
export function isNoiseLine(match: string, breadcrumbs = true): boolean {
  if (match.length > 160) return false;
  if (
    CHROME_ANYWHERE.test(match) ||
    CHROME_START.test(match) ||
    (match.length <= 24 && PAGE_NUMBER.test(match)) ||
    (match.length <= 80 && FOOTER.test(match)) ||
    (breadcrumbs && BREADCRUMB.test(match))
  )
    return true;
  // A line of menu words separated by spaces: "首页 新闻 政务公开 互动交流".
  if (match.length <= 60 && /^(?:[\u4e00-\u9fff]{2,6} +){3,}[\u4e00-\u9fff]{2,6}$/u.test(match)) return true;
  return false;
}

/** Runs of `?`, replacement characters and similar left by a wrong encoding on the web page. */
export const GARBLE = /[?？\ufffd□]{2,}/u;
