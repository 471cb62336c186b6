import { createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Real HTTP servers in the test process that answer as 钉钉 and 企业微信 do, per their published API
 * documentation: HTTP 200 with an errcode in the body for every refusal (bad signature, missing keyword,
 * invalid or expired token, throttling, size), access tokens that expire and are handed out again while
 * valid, and user lookups by mobile number. Each keeps what it accepted so tests can read it.
 */

interface Started {
  origin: string;
  close(): Promise<void>;
}

/** `hold` keeps the request open without an answer, as a platform that stalls does. */
type Handler = (req: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  raw: string;
}) => { status?: number; json: unknown } | 'hold' | null;

async function serve(handler: Handler): Promise<Started & { server: http.Server }> {
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = null;
      }
      const answer = handler({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body, raw });
      if (answer === 'hold') return;
      if (!answer) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        return res.end('not found');
      }
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(answer.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const bytes = (text: unknown) => Buffer.byteLength(String(text ?? ''), 'utf8');

/** Sliding one-minute window: true when this call is over the allowance. */
function overPerMinute(times: number[], limit: number, now = Date.now()): boolean {
  while (times.length && times[0]! <= now - 60_000) times.shift();
  if (times.length >= limit) return true;
  times.push(now);
  return false;
}

export interface DingtalkRobotOptions {
  /** 加签 secret (SEC…): requests must carry a valid timestamp and sign. */
  secret?: string;
  /** 自定义关键词: the message must contain one. */
  keyword?: string;
  perMinute?: number;
  /** Some plans cap messages per day and then answer "webhook over limit". */
  perDay?: number;
}

/**
 * A 钉钉 custom robot (自定义机器人): POST /robot/send?access_token=…[&timestamp=…&sign=…].
 * 加签: sign = urlencode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))), the
 * timestamp in milliseconds and within an hour of now.
 */
export async function startDingtalkRobot(options: DingtalkRobotOptions = {}) {
  const accessToken = randomBytes(16).toString('hex');
  const received: any[] = [];
  const minute: number[] = [];
  let today = 0;
  const started = await serve(({ method, path, query, body }) => {
    if (method !== 'POST' || path !== '/robot/send') return null;
    if (query.get('access_token') !== accessToken) return { json: { errcode: 300001, errmsg: 'token is not exist' } };
    if (options.secret) {
      const timestamp = Number(query.get('timestamp'));
      if (!timestamp || Math.abs(Date.now() - timestamp) > 3600_000)
        return { json: { errcode: 310000, errmsg: 'invalid timestamp' } };
      const expected = createHmac('sha256', options.secret).update(`${timestamp}\n${options.secret}`).digest('base64');
      if (query.get('sign') !== expected)
        return {
          json: {
            errcode: 310000,
            errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]',
          },
        };
    }
    const content =
      body?.msgtype === 'markdown' ? body.markdown?.text : body?.msgtype === 'text' ? body.text?.content : undefined;
    if (typeof content !== 'string') return { json: { errcode: 40035, errmsg: '缺少参数 json' } };
    if (
      options.keyword &&
      !content.includes(options.keyword) &&
      !String(body?.markdown?.title ?? '').includes(options.keyword)
    ) {
      return {
        json: {
          errcode: 310000,
          errmsg: 'keywords not in content, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]',
        },
      };
    }
    if (bytes(content) > 20_000) return { json: { errcode: 460101, errmsg: 'message too long, exceed 20000 bytes' } };
    if (options.perDay !== undefined && today >= options.perDay)
      return { json: { errcode: 660026, errmsg: 'webhook over limit' } };
    if (overPerMinute(minute, options.perMinute ?? 20))
      return { json: { errcode: 410100, errmsg: 'send too fast, exceed 20 times per minute' } };
    today++;
    received.push(body);
    return { json: { errcode: 0, errmsg: 'ok' } };
  });
  return { ...started, accessToken, received, webhookUrl: `${started.origin}/robot/send?access_token=${accessToken}` };
}

/**
 * A 企业微信 group robot (群机器人): POST /cgi-bin/webhook/send?key=…. text content at most 2048 bytes,
 * markdown at most 4096 bytes; 20 messages a minute.
 */
export async function startWecomRobot(options: { perMinute?: number } = {}) {
  const key = randomBytes(16).toString('hex');
  const received: any[] = [];
  const minute: number[] = [];
  const started = await serve(({ method, path, query, body }) => {
    if (method !== 'POST' || path !== '/cgi-bin/webhook/send') return null;
    if (query.get('key') !== key)
      return { json: { errcode: 93000, errmsg: 'invalid webhook url, hint: [1700000000_0_abcdef]' } };
    if (body?.msgtype === 'text' && bytes(body.text?.content) > 2048)
      return { json: { errcode: 40058, errmsg: 'content exceed max length 2048' } };
    if (body?.msgtype === 'markdown' && bytes(body.markdown?.content) > 4096)
      return { json: { errcode: 40058, errmsg: 'content exceed max length 4096' } };
    if (body?.msgtype !== 'text' && body?.msgtype !== 'markdown')
      return { json: { errcode: 40008, errmsg: 'invalid message type' } };
    if (overPerMinute(minute, options.perMinute ?? 20))
      return { json: { errcode: 45009, errmsg: 'api freq out of limit' } };
    received.push(body);
    return { json: { errcode: 0, errmsg: 'ok' } };
  });
  return { ...started, key, received, webhookUrl: `${started.origin}/cgi-bin/webhook/send?key=${key}` };
}

interface Token {
  value: string;
  expiresAt: number;
}

/** Tokens as both platforms issue them: the same one again while valid, a new one after expiry. */
class TokenIssuer {
  private current: Token | null = null;
  private readonly revoked = new Set<string>();
  issued = 0;
  constructor(private readonly seconds = 7200) {}
  issue(): Token {
    if (!this.current || this.current.expiresAt <= Date.now()) {
      this.current = { value: randomBytes(12).toString('hex'), expiresAt: Date.now() + this.seconds * 1000 };
      this.issued++;
    }
    return this.current;
  }
  /** null = valid; otherwise the errcode a platform answers. */
  check(value: string | null): 40014 | 42001 | null {
    if (!value || (this.current?.value !== value && !this.revoked.has(value))) return 40014;
    if (this.revoked.has(value) || this.current!.expiresAt <= Date.now()) return 42001;
    return null;
  }
  /** The platform ends the token early (it does, e.g. after a secret reset): callers must refresh. */
  expireNow(): void {
    if (this.current) this.revoked.add(this.current.value);
    this.current = null;
  }
}

export interface PlatformPerson {
  userid: string;
  mobile: string;
}

/**
 * 企业微信 server API: GET /cgi-bin/gettoken, POST /cgi-bin/message/send (application messages),
 * POST /cgi-bin/user/getuserid (userid by mobile).
 */
export async function startWecomApi(options: {
  corpId: string;
  secret: string;
  agentId: number;
  people: PlatformPerson[];
}) {
  const tokens = new TokenIssuer();
  const received: any[] = [];
  const calls: string[] = [];
  let throttleNext = 0;
  let holdNext = 0;
  const held: any[] = [];
  const started = await serve(({ method, path, query, body }) => {
    calls.push(path);
    if (method === 'GET' && path === '/cgi-bin/gettoken') {
      if (query.get('corpid') !== options.corpId) return { json: { errcode: 40013, errmsg: 'invalid corpid' } };
      if (query.get('corpsecret') !== options.secret)
        return { json: { errcode: 40001, errmsg: 'invalid credential, hint: [1700000000_1_0]' } };
      const token = tokens.issue();
      return {
        json: {
          errcode: 0,
          errmsg: 'ok',
          access_token: token.value,
          expires_in: Math.round((token.expiresAt - Date.now()) / 1000),
        },
      };
    }
    const refused = tokens.check(query.get('access_token'));
    if (refused === 40014) return { json: { errcode: 40014, errmsg: 'invalid access_token' } };
    if (refused === 42001) return { json: { errcode: 42001, errmsg: 'access_token expired' } };
    if (method === 'POST' && path === '/cgi-bin/user/getuserid') {
      const person = options.people.find((p) => p.mobile === body?.mobile);
      return {
        json: person
          ? { errcode: 0, errmsg: 'ok', userid: person.userid }
          : { errcode: 46004, errmsg: 'user no exist' },
      };
    }
    if (method === 'POST' && path === '/cgi-bin/message/send') {
      if (holdNext > 0) {
        holdNext--;
        held.push(body);
        return 'hold';
      }
      if (throttleNext > 0) {
        throttleNext--;
        return { json: { errcode: 45009, errmsg: 'api freq out of limit' } };
      }
      if (body?.agentid !== options.agentId) return { json: { errcode: 40056, errmsg: 'invalid agentid' } };
      if (bytes(body?.text?.content) > 2048) return { json: { errcode: 40058, errmsg: 'content exceed max length' } };
      const users: string[] = String(body?.touser ?? '').split('|');
      const invalid = users.filter((u) => !options.people.some((p) => p.userid === u));
      if (invalid.length === users.length)
        return { json: { errcode: 81013, errmsg: 'user & party & tag all invalid', invaliduser: invalid.join('|') } };
      received.push(body);
      return {
        json: { errcode: 0, errmsg: 'ok', invaliduser: invalid.join('|'), msgid: randomBytes(8).toString('hex') },
      };
    }
    return null;
  });
  return {
    ...started,
    received,
    calls,
    get tokensIssued() {
      return tokens.issued;
    },
    expireToken: () => tokens.expireNow(),
    throttle: (times: number) => (throttleNext = times),
    /** The next `times` messages arrive but get no answer (the sender is left waiting). */
    hold: (times: number) => (holdNext = times),
    held,
  };
}

/**
 * 钉钉 open platform: GET /gettoken, POST /topapi/message/corpconversation/asyncsend_v2 (work
 * notifications), POST /topapi/v2/user/getbymobile.
 */
export async function startDingtalkApi(options: {
  appKey: string;
  secret: string;
  agentId: number;
  people: PlatformPerson[];
}) {
  const tokens = new TokenIssuer();
  const received: any[] = [];
  const started = await serve(({ method, path, query, body }) => {
    if (method === 'GET' && path === '/gettoken') {
      if (query.get('appkey') !== options.appKey || query.get('appsecret') !== options.secret)
        return { json: { errcode: 40089, errmsg: '不合法的corpid或corpsecret' } };
      const token = tokens.issue();
      return {
        json: {
          errcode: 0,
          errmsg: 'ok',
          access_token: token.value,
          expires_in: Math.round((token.expiresAt - Date.now()) / 1000),
        },
      };
    }
    const refused = tokens.check(query.get('access_token'));
    if (refused === 40014) return { json: { errcode: 40014, errmsg: '不合法的access_token' } };
    if (refused === 42001) return { json: { errcode: 42001, errmsg: 'access_token超时' } };
    if (method === 'POST' && path === '/topapi/v2/user/getbymobile') {
      const person = options.people.find((p) => p.mobile === body?.mobile);
      return {
        json: person
          ? { errcode: 0, errmsg: 'ok', result: { userid: person.userid } }
          : { errcode: 60121, errmsg: '找不到该用户' },
      };
    }
    if (method === 'POST' && path === '/topapi/message/corpconversation/asyncsend_v2') {
      if (body?.agent_id !== options.agentId) return { json: { errcode: 400029, errmsg: 'agentId不合法' } };
      const users: string[] = String(body?.userid_list ?? '').split(',');
      if (!users.every((u) => options.people.some((p) => p.userid === u)))
        return { json: { errcode: 33012, errmsg: '无效的userid' } };
      received.push(body);
      return {
        json: {
          errcode: 0,
          errmsg: 'ok',
          task_id: Math.floor(Math.random() * 1e9),
          request_id: randomBytes(6).toString('hex'),
        },
      };
    }
    return null;
  });
  return { ...started, received, expireToken: () => tokens.expireNow() };
}
