import { jest } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { complexityLimitPlugin, depthLimitRule, responseSizeLimit, withinBytes } from './query-limits.js';

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

  it('measures only what might be over: 3 bytes a code unit at most, 4 for a pair of them', () => {
    // '政' is 3 bytes, '𠀀' (a surrogate pair) 4; the newline Apollo adds is not counted.
    expect(withinBytes('政'.repeat(10) + '\n', 30)).toBe(true);
    expect(withinBytes('政'.repeat(10) + '\n', 29)).toBe(false);
    expect(withinBytes('𠀀'.repeat(10) + '\n', 40)).toBe(true);
    expect(withinBytes('𠀀'.repeat(10) + '\n', 39)).toBe(false);
    expect(withinBytes('a'.repeat(30) + '\n', 30)).toBe(true);
    expect(withinBytes('a'.repeat(31) + '\n', 30)).toBe(false);
  });
});

describe('complexityLimitPlugin', () => {
  const schema = buildSchema(`type Query { tasks(first: Int): [Task] } type Task { id: ID title: String }`);
  /** One request through the plugin's didResolveOperation, as Apollo calls it. */
  async function resolve(plugin: ReturnType<typeof complexityLimitPlugin>, document: unknown, variables: object) {
    const hooks = (await plugin.requestDidStart!({} as never)) as unknown as {
      didResolveOperation(context: object): Promise<void>;
    };
    return hooks.didResolveOperation({ request: { variables }, document, schema });
  }

  it('estimates a document once per variables, and refuses by the estimate for those variables', async () => {
    const estimated: unknown[] = [];
    const plugin = complexityLimitPlugin(100, ({ variables }) => {
      estimated.push(variables);
      return (variables as { first: number }).first * 2;
    });
    const document = parse(`query($first: Int) { tasks(first: $first) { id title } }`);
    await resolve(plugin, document, { first: 10 });
    await resolve(plugin, document, { first: 10 });
    expect(estimated).toEqual([{ first: 10 }]);
    await expect(resolve(plugin, document, { first: 60 })).rejects.toThrow('查询过于复杂（复杂度 120，上限 100）');
    await expect(resolve(plugin, document, { first: 60 })).rejects.toThrow('查询过于复杂');
    // Another document object (another query text) is estimated on its own.
    await resolve(plugin, parse(`query($first: Int) { tasks(first: $first) { id } }`), { first: 10 });
    expect(estimated).toEqual([{ first: 10 }, { first: 60 }, { first: 10 }]);
  });

  it('estimates with the real cost model by default: page size times the fields asked', async () => {
    const plugin = complexityLimitPlugin(100);
    const document = parse(`query($first: Int) { tasks(first: $first) { id title } }`);
    await expect(resolve(plugin, document, { first: 40 })).resolves.toBeUndefined();
    await expect(resolve(plugin, document, { first: 60 })).rejects.toThrow('复杂度 121');
  });
});
