import { jest } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule, responseSizeLimit } from './query-limits.js';

const schema = buildSchema(`
  type Node { name: String, child: Node }
  type Query { root: Node }
`);

const nested = (levels: number) => `{ root ${'{ child '.repeat(levels - 1)}{ name }${' }'.repeat(levels - 1)} }`;

describe('depthLimitRule', () => {
  it('accepts a document at the limit and refuses one level more, in Chinese', () => {
    expect(validate(schema, parse(nested(4)), [depthLimitRule(5)])).toEqual([]);
    const errors = validate(schema, parse(nested(5)), [depthLimitRule(5)]);
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe('查询嵌套层级过深（最多 5 层）');
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('follows fragments when measuring depth', () => {
    const doc = parse(
      `{ root { ...A } } fragment A on Node { child { child { ...B } } } fragment B on Node { child { child { name } } }`,
    );
    expect(validate(schema, doc, [depthLimitRule(5)])).toHaveLength(1);
    expect(validate(schema, doc, [depthLimitRule(6)])).toEqual([]);
  });

  it('does not count introspection fields', () => {
    const doc = parse(`{ __schema { types { fields { type { ofType { ofType { name } } } } } } }`);
    expect(validate(schema, doc, [depthLimitRule(2)])).toEqual([]);
  });
});

describe('responseSizeLimit', () => {
  /** Runs the plugin's willSendResponse on a result, then what Apollo does to send it. */
  async function send(limit: ReturnType<typeof responseSizeLimit>, singleResult: Record<string, unknown>) {
    const response = { body: { kind: 'single', singleResult }, http: { status: undefined as number | undefined } };
    const hooks = (await limit.plugin.requestDidStart!({} as never)) as unknown as {
      willSendResponse(context: { response: typeof response }): Promise<void>;
    };
    await hooks.willSendResponse({ response });
    const result = response.body.singleResult as Record<string, never>;
    // Apollo's runHttpQuery hands stringifyResult a new object with the result's parts in this order.
    const string = limit.stringifyResult({ errors: result.errors, data: result.data, extensions: result.extensions });
    return { status: response.http.status, string };
  }

  it('writes a response within the limit once, as Apollo would have', async () => {
    const limit = responseSizeLimit(1024);
    const data = { tasks: { nodes: [{ id: '1', title: '公开' }] } };
    const stringify = jest.spyOn(JSON, 'stringify');
    try {
      const { status, string } = await send(limit, { data });
      expect(stringify).toHaveBeenCalledTimes(1);
      expect(status).toBeUndefined();
      expect(string).toBe(JSON.stringify({ data }) + '\n');
    } finally {
      stringify.mockRestore();
    }
  });

  it('writes afresh a result whose parts changed after it was measured', async () => {
    const limit = responseSizeLimit(1024);
    const data = { serverInfo: { timeZone: 'Asia/Shanghai' } };
    await send(limit, { data });
    const errors = [{ message: '后来加上的错误' }];
    expect(limit.stringifyResult({ errors, data })).toBe(JSON.stringify({ errors, data }) + '\n');
  });

  it('replaces a response over the limit with a 400 in Chinese', async () => {
    const limit = responseSizeLimit(100);
    const { status, string } = await send(limit, { data: { text: '政'.repeat(100) } });
    expect(status).toBe(400);
    expect(JSON.parse(string)).toEqual({
      errors: [{ message: '查询结果过大（超过 0 MB），请减少字段或每页条数', extensions: { code: 'BAD_USER_INPUT' } }],
    });
  });
});
