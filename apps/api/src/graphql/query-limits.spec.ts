import { buildSchema, parse, validate } from 'graphql';
import { depthLimitRule } from './query-limits.js';

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
