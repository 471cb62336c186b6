import iconv from 'iconv-lite';
import { analysePage } from '../page-analysis.js';
import { charsetFromMeta, decodeHtml, normaliseCharset } from '../page-charset.js';
import { extractPublicationDate } from '../page-date.js';
import { extractTitle, HTML_LIMITS, htmlToText } from '../page-html.js';

const utf8 = (html: string) => Buffer.from(html, 'utf8');
const page = (head: string, body: string) => `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('publication date', () => {
  it.each([
    ['发布时间：2021-06-15', '2021-06-15'],
    ['发布日期：2021年6月15日', '2021-06-15'],
    ['发布日期:2021年06月05日', '2021-06-05'],
    ['时间：2021-06-15 10:00', '2021-06-15'],
    ['来源：大连市人民政府办公室 日期：2021/6/9', '2021-06-09'],
    ['[ 发布时间： ２０２１－０６－１５ ]', '2021-06-15'],
    ['公开日期 2021.06.15', '2021-06-15'],
  ])('reads %s', (line, expected) => {
    expect(extractPublicationDate(page('<title>t</title>', `<div class="info">${line}</div><p>正文</p>`))).toBe(
      expected,
    );
  });

  it('reads the PubDate and firstpublishedtime metas before the text', () => {
    expect(
      extractPublicationDate(page('<meta name="PubDate" content="2021-06-15 10:00">', '<p>时间：2022-01-01</p>')),
    ).toBe('2021-06-15');
    expect(extractPublicationDate(page('<meta name="firstpublishedtime" content="2021-06-15-17:11:42">', ''))).toBe(
      '2021-06-15',
    );
    expect(
      extractPublicationDate(page('<meta property="article:published_time" content="2021-06-15T08:00:00+08:00">', '')),
    ).toBe('2021-06-15');
  });

  it('prefers the publication date over the 成文日期 in the 政府信息公开 table, whatever their order', () => {
    const table = `<table>
      <tr><td>索引号：</td><td>11210200/2021-00123</td><td>发布机构：</td><td>市政府办公室</td></tr>
      <tr><td>成文日期：</td><td>2021年05月28日</td><td>发布日期：</td><td>2021年06月03日</td></tr>
    </table>`;
    expect(extractPublicationDate(page('<title>关于印发…的通知</title>', table))).toBe('2021-06-03');
    expect(extractPublicationDate(page('', '<table><tr><td>成文日期</td><td>2021-05-28</td></tr></table>'))).toBe(
      '2021-05-28',
    );
  });

  it('ignores dates that are not labelled as the publication: copyright years, body text, deadlines, updates', () => {
    const html = page(
      '<title>政务公开专栏</title><script>var time = "时间：2030-01-01";</script>',
      `<p>按要求于2021年6月30日前完成，截止日期：2021-12-31，会议时间：2021年7月1日。</p>
       <!-- 发布时间：2031-01-01 -->
       <div class="footer">版权所有 © 2021 大连市人民政府 网站更新时间：2024-03-01 ICP备 2021-0001</div>`,
    );
    expect(extractPublicationDate(html)).toBeNull();
  });

  it('skips impossible dates and takes the next one', () => {
    expect(extractPublicationDate(page('', '<p>发布时间：2021-02-30</p><p>发布时间：2021-03-01</p>'))).toBe(
      '2021-03-01',
    );
  });
});

describe('title', () => {
  it('reads <title> with entities and whitespace cleaned', () => {
    expect(extractTitle(page('<title>\n  关于&ldquo;政务公开&rdquo;工作的通知_大连市人民政府 </title>', ''))).toBe(
      '关于“政务公开”工作的通知_大连市人民政府',
    );
  });

  it('falls back to the ArticleTitle meta, then the first h1; null without any', () => {
    expect(extractTitle(page('<meta name="ArticleTitle" content="要点解读">', '<h1>标题</h1>'))).toBe('要点解读');
    expect(extractTitle(page('', '<h1><span>政策</span>解读</h1>'))).toBe('政策 解读');
    expect(extractTitle(page('<title>  </title>', '<p>x</p>'))).toBeNull();
  });

  it('bounds a very long title', () => {
    expect(extractTitle(page(`<title>${'长'.repeat(1000)}</title>`, ''))!.length).toBe(300);
  });
});

describe('charset', () => {
  const gbkPage = page(
    '<meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>政府信息公开</title>',
    '<p>发布日期：2021年6月15日</p>',
  );

  it('decodes a GB2312 page from its meta declaration', () => {
    const bytes = iconv.encode(gbkPage, 'gbk');
    expect(charsetFromMeta(bytes)).toBe('gb18030');
    expect(analysePage(bytes, 'text/html')).toEqual({
      charset: 'gb18030',
      title: '政府信息公开',
      pageDate: '2021-06-15',
    });
  });

  it('lets the HTTP header decide over the meta', () => {
    const bytes = iconv.encode(page('<meta charset="utf-8"><title>国务院</title>', ''), 'gbk');
    expect(analysePage(bytes, 'text/html; charset=GBK').title).toBe('国务院');
  });

  it('reads an undeclared or wrongly declared GBK page as GB18030, and UTF-8 as UTF-8', () => {
    const gbk = iconv.encode(page('<title>工作要点</title>', ''), 'gbk');
    expect(decodeHtml(gbk, 'text/html').charset).toBe('gb18030');
    expect(analysePage(gbk, 'text/html; charset=utf-8').title).toBe('工作要点');
    expect(analysePage(utf8(page('<title>工作要点</title>', '')), null)).toMatchObject({
      charset: 'utf-8',
      title: '工作要点',
    });
  });

  it('keeps UTF-8 when the body was cut inside a character at the size limit', () => {
    const bytes = utf8(page('<title>政务公开</title>', '<p>中文</p>'));
    const cut = bytes.subarray(0, bytes.indexOf(utf8('文')) + 1);
    expect(decodeHtml(cut, 'text/html').charset).toBe('utf-8');
  });

  it('strips a UTF-8 byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('<title>公开</title>')]);
    expect(analysePage(bytes, null).title).toBe('公开');
  });

  it('normalises labels', () => {
    expect(normaliseCharset('GB2312')).toBe('gb18030');
    expect(normaliseCharset('"UTF8"')).toBe('utf-8');
    expect(normaliseCharset('no-such-charset')).toBeNull();
  });
});

describe('page text', () => {
  it('keeps table cells apart and drops scripts and comments', () => {
    expect(
      htmlToText('<table><tr><td>发布日期</td><td>2021-06-15</td></tr></table><script>x=1</script><!-- c -->'),
    ).toBe('发布日期 2021-06-15');
  });
});

/**
 * Hostile pages: each took seconds to minutes with the old regular expressions (160 KB of `<!--` took
 * 4.6 s; the size is quadratic). The tokenizer reads each in one pass; the generous per-test timeout is
 * the bound, far above what a linear scan needs and far below what the old patterns took.
 */
describe('pathological pages', () => {
  const MB = 1024 * 1024;
  const cases: [string, () => string][] = [
    ['2 MB of unclosed comments', () => '<!--'.repeat(MB / 2)],
    ['2 MB of unclosed scripts', () => '<script>'.repeat(MB / 4)],
    ['2 MB of unclosed script tags with attributes', () => '<script a=1 '.repeat(MB / 6)],
    ['2 MB of one tag', () => `<div ${'a'.repeat(2 * MB)}`],
    ['2 MB of nested divs', () => '<div>'.repeat(MB / 2.5)],
    ['2 MB of unclosed metas', () => '<meta name="pubdate" content="'.repeat(MB / 16)],
    ['2 MB of entities', () => '&#x'.repeat(MB / 1.5)],
    ['2 MB of date-like text', () => `<p>发布时间：${'2021年 '.repeat(MB / 5)}`],
    ['2 MB of titles', () => '<title>'.repeat(MB / 3.5)],
  ];
  it.each(cases)(
    'reads %s within its bound',
    (_label, make) => {
      const html = make();
      const result = analysePage(utf8(html), 'text/html; charset=utf-8');
      expect(result.charset).toBe('utf-8');
      expect(result.title === null || result.title.length <= 300).toBe(true);
    },
    20_000,
  );

  it('still finds the title and date of a page whose tail is hostile', () => {
    const html = page('<title>政务公开</title>', `<p>发布日期：2021年6月15日</p>${'<!--'.repeat(200_000)}`);
    expect(analysePage(utf8(html), 'text/html')).toEqual({
      charset: 'utf-8',
      title: '政务公开',
      pageDate: '2021-06-15',
    });
  });

  it('bounds the text kept from a huge page', () => {
    expect(htmlToText(`<p>${'政'.repeat(1_000_000)}</p>`).length).toBeLessThanOrEqual(HTML_LIMITS.text);
  });
});
