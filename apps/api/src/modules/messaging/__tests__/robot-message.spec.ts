import { createHmac } from 'node:crypto';
import { plainText, robotRequest, signDingtalkUrl, type RobotContent } from '../channels/robot-message.js';
import { byteLength, truncateBytes } from '../channels/utf8.js';

const content = (markdown: string, mentions: RobotContent['mentions'] = []): RobotContent => ({
  title: '催办',
  markdown,
  mentions,
});

describe('robot messages', () => {
  it('signs a 钉钉 webhook as its 加签 setting documents', () => {
    const secret = `SEC${'0f'.repeat(32)}`;
    const url = new URL(
      signDingtalkUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, 1_700_000_000_000),
    );
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    const expected = createHmac('sha256', secret).update(`1700000000000\n${secret}`).digest('base64');
    expect(url.searchParams.get('sign')).toBe(expected);
    // Base64 has + / =: they must arrive URL-encoded.
    expect(url.search).not.toMatch(/sign=[^&]*[+/=]/);
  });

  it('turns markdown links into words and address in plain text', () => {
    expect(plainText('- **甲局**：[推进公开](https://duban.example.gov.cn/tasks/1)（时限 2026-06-30）')).toBe(
      '- 甲局：推进公开 https://duban.example.gov.cn/tasks/1（时限 2026-06-30）',
    );
    // Not a link: kept as written.
    expect(plainText('[推进](javascript:alert(1)) [a](b)')).toBe('[推进](javascript:alert(1)) [a](b)');
    expect(plainText('[[a](https://x/1) [b](https://x/2)')).toBe('[a https://x/1 b https://x/2');
  });

  it('cuts by UTF-8 bytes on a character boundary', () => {
    expect(truncateBytes('督办'.repeat(10), 2048)).toBe('督办'.repeat(10));
    const cut = truncateBytes('督'.repeat(1000), 2048);
    expect(byteLength(cut)).toBeLessThanOrEqual(2048);
    expect(cut).toBe(`${'督'.repeat(681)}…`);
    expect(truncateBytes('a😀b', 5)).toBe('a…');
  });

  it('@-mentions on 钉钉 with atMobiles and the numbers in the text', () => {
    const req = robotRequest(
      'DINGTALK',
      'https://oapi.dingtalk.com/robot/send?access_token=t',
      null,
      content('### 催办', [
        { name: '甲', mobile: '13800000001', wecomUserid: null },
        { name: '乙', mobile: null, wecomUserid: 'yi' },
      ]),
      0,
    );
    expect(req.url).toBe('https://oapi.dingtalk.com/robot/send?access_token=t');
    expect(req.body).toEqual({
      msgtype: 'markdown',
      markdown: { title: '催办', text: '### 催办\n\n@13800000001' },
      at: { atMobiles: ['13800000001'], isAtAll: false },
    });
  });

  it('@-mentions on 企业微信 by userid in markdown, or by mobile in a text message', () => {
    const byUserid = robotRequest(
      'WECOM',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      null,
      content('### 催办\n**市司法局**', [{ name: '甲', mobile: '13800000001', wecomUserid: 'jia' }]),
      0,
    );
    expect(byUserid.body).toEqual({ msgtype: 'markdown', markdown: { content: '### 催办\n**市司法局**\n<@jia>' } });
    const byMobile = robotRequest(
      'WECOM',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      null,
      content('### 催办\n**市司法局**', [{ name: '乙', mobile: '13800000002', wecomUserid: null }]),
      0,
    );
    expect(byMobile.body).toEqual({
      msgtype: 'text',
      text: { content: '催办\n市司法局', mentioned_list: [], mentioned_mobile_list: ['13800000002'] },
    });
  });

  it("keeps markdown within 企业微信's 4,096 bytes and text within its 2,048", () => {
    const long = '政'.repeat(3000);
    const markdown = robotRequest(
      'WECOM',
      'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      null,
      content(long, [{ name: '甲', mobile: null, wecomUserid: 'jia' }]),
      0,
    );
    expect(byteLength((markdown.body.markdown as { content: string }).content)).toBeLessThanOrEqual(4096);
    expect((markdown.body.markdown as { content: string }).content.endsWith('<@jia>')).toBe(true);
    const ding = robotRequest(
      'DINGTALK',
      'https://oapi.dingtalk.com/robot/send?access_token=t',
      null,
      content('政'.repeat(8000)),
      0,
    );
    expect(byteLength((ding.body.markdown as { text: string }).text)).toBeLessThanOrEqual(20_000);
  });

  it('reduces markdown to plain lines', () => {
    expect(plainText('### 标题\n> 引用\n- **单位**：事项')).toBe('标题\n引用\n- 单位：事项');
  });
});
