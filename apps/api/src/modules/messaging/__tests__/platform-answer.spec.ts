import type { JsonResponse } from '../../../common/net/safe-fetch.js';
import { judgeAnswer } from '../channels/platform-answer.js';

const now = new Date('2026-10-12T02:00:00Z');
const answer = (json: unknown, httpStatus = 200): JsonResponse => ({
  status: 'REACHABLE',
  httpStatus,
  json,
  text: JSON.stringify(json),
  detail: null,
});

describe('reading a 钉钉 / 企业微信 answer', () => {
  it('takes only errcode 0 as delivered, although every answer is HTTP 200', () => {
    expect(judgeAnswer(answer({ errcode: 0, errmsg: 'ok' }), now)).toMatchObject({ outcome: 'SENT' });
    expect(judgeAnswer(answer({ errcode: 310000, errmsg: 'sign not match' }), now)).toEqual({
      outcome: 'FAILED',
      code: '310000',
      detail: '错误码 310000：sign not match（加签校验失败，请核对加签密钥（SEC 开头））',
    });
    expect(judgeAnswer(answer({ errcode: 310000, errmsg: 'keywords not in content' }), now).detail).toMatch(
      /自定义关键词/,
    );
  });

  it('retries throttling a minute later, and a daily cap the next day', () => {
    expect(judgeAnswer(answer({ errcode: 410100, errmsg: 'send too fast' }), now)).toMatchObject({
      outcome: 'RETRY',
      retryAt: new Date(now.getTime() + 60_000),
    });
    expect(judgeAnswer(answer({ errcode: 45009, errmsg: 'api freq out of limit' }), now)).toMatchObject({
      outcome: 'RETRY',
    });
    expect(judgeAnswer(answer({ errcode: 660026, errmsg: 'webhook over limit' }), now)).toMatchObject({
      outcome: 'RETRY',
      retryAt: new Date('2026-10-12T16:00:00Z'),
    });
  });

  it('retries when nothing or a server error came back, and fails what is not a platform answer', () => {
    expect(
      judgeAnswer({ status: 'TIMEOUT', httpStatus: null, json: null, text: '', detail: 'timed out' }, now),
    ).toMatchObject({ outcome: 'RETRY', code: 'TIMEOUT' });
    expect(judgeAnswer(answer({ message: 'busy' }, 502), now)).toMatchObject({ outcome: 'RETRY', code: 'HTTP 502' });
    expect(
      judgeAnswer({ status: 'BLOCKED', httpStatus: null, json: null, text: '', detail: 'address refused' }, now),
    ).toMatchObject({ outcome: 'FAILED', code: 'BLOCKED' });
    expect(
      judgeAnswer({ status: 'REACHABLE', httpStatus: 200, json: null, text: '<html>portal</html>', detail: null }, now),
    ).toMatchObject({ outcome: 'FAILED', code: 'HTTP 200' });
  });
});
