import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';
import { DEFAULT_KINDS, type OperationPolicy } from './operation-policy.js';
import type { IdKind } from './isolation-world.js';

export interface BuiltOperation {
  query: string;
  variables: Record<string, unknown>;
  /** The id kinds the variables name (to look up versions and to know whose rows are targeted). */
  kinds: IdKind[];
}

/** Everything the filler needs from a tenant: its ids by kind, its plan year and the version reader. */
export interface FillContext {
  ids: Record<IdKind, string>;
  year: number;
  version(kind: IdKind | 'tenant'): Promise<number>;
}

export class UnclassifiedArgument extends Error {}

const MAX_DEPTH = 3;

/** Scalars of a type, plus `{ id }` of nested objects (or their scalars when they have no id), a few levels down. */
export function selectionOf(type: GraphQLOutputType, depth = 0): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (!isObjectType(named) && !isInterfaceType(named)) return '{ __typename }';
  const fields = Object.values(named.getFields()).filter(
    (f) => !f.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined),
  );
  if (depth > 0 && fields.some((f) => f.name === 'id')) return '{ id }';
  const parts: string[] = [];
  for (const field of fields) {
    const inner = getNamedType(field.type);
    if (isLeafType(inner)) parts.push(field.name);
    else if (depth < MAX_DEPTH) parts.push(`${field.name} ${selectionOf(field.type, depth + 1)}`);
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '{ __typename }';
}

const DATE_FIELDS = /^(date|dueDate|requestedDueDate|dueFrom|dueTo)$/;

async function scalarValue(name: string, type: GraphQLNamedType, ctx: FillContext): Promise<unknown> {
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'Int':
      if (name === 'year') return ctx.year;
      if (name === 'first') return 5; // small pages keep the generated selection under the complexity limit
      return 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'LocalDate':
      return `${ctx.year}-12-20`;
    case 'String':
      if (DATE_FIELDS.test(name)) return `${ctx.year}-12-20`;
      if (/url/i.test(name)) return 'http://127.0.0.1:9/a.html';
      if (name === 'email') return 'someone@example.com';
      if (name === 'defaultDueMonthDay') return '12-31';
      return '测试';
    default:
      return '测试';
  }
}

/**
 * A minimal valid value for an argument or input field: required fields filled with plain values;
 * ID fields (required or not, so that nested ids are attacked too) filled with the tenant's real ids.
 */
async function valueFor(
  name: string,
  type: GraphQLInputType,
  policy: OperationPolicy,
  ctx: FillContext,
  used: Set<IdKind>,
  owner: string,
): Promise<unknown> {
  if (policy.values && name in policy.values) return policy.values[name];
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const item = await valueFor(name, inner.ofType as GraphQLInputType, policy, ctx, used, owner);
    return item === undefined ? [] : [item];
  }
  const named = getNamedType(type);
  if (named.name === 'ID') {
    const kind = policy.kinds?.[name] ?? DEFAULT_KINDS[name];
    if (!kind)
      throw new UnclassifiedArgument(
        `${owner}: id argument '${name}' has no kind (add it to kinds in operation-policy.ts)`,
      );
    used.add(kind);
    return ctx.ids[kind];
  }
  if (name === 'version') return undefined; // filled once every id is known
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      const isId = getNamedType(field.type).name === 'ID';
      const forced = policy.values && field.name in policy.values;
      if (!required && !isId && !forced) continue;
      const value =
        field.name === 'version' && !forced
          ? '__version__'
          : await valueFor(field.name, field.type, policy, ctx, used, `${owner}.${field.name}`);
      if (value !== undefined) out[field.name] = value;
    }
    return out;
  }
  return scalarValue(name, named, ctx);
}

function typeString(type: GraphQLInputType): string {
  return String(type);
}

function versionKind(policy: OperationPolicy, used: Set<IdKind>): IdKind | 'tenant' {
  if (policy.versionOf) return policy.versionOf;
  if (policy.kinds?.id) return policy.kinds.id;
  const preferred: IdKind[] = ['reviewItem', 'draftKeyPoint', 'keyPoint', 'draftPlan', 'plan', 'unit', 'user', 'task'];
  return preferred.find((k) => used.has(k)) ?? 'tenant';
}

async function fillVersions(value: unknown, version: () => Promise<number>): Promise<unknown> {
  if (value === '__version__') return version();
  if (Array.isArray(value)) return Promise.all(value.map((v) => fillVersions(v, version)));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await fillVersions(v, version);
    return out;
  }
  return value;
}

/** One operation on one field with variables for every argument it needs (and every id it accepts). */
export async function buildOperation(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  policy: OperationPolicy,
  ctx: FillContext,
): Promise<BuiltOperation> {
  const used = new Set<IdKind>();
  const variables: Record<string, unknown> = {};
  const declared: string[] = [];
  const passed: string[] = [];
  for (const arg of field.args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    const isId = getNamedType(arg.type).name === 'ID';
    const isInput = isInputObjectType(getNamedType(arg.type));
    const forced = policy.values && arg.name in policy.values;
    if (!required && !isId && !isInput && !forced && arg.name !== 'first') continue;
    if (arg.name === 'version') {
      if (!required) continue;
      variables.version = '__version__';
    } else {
      const value = await valueFor(arg.name, arg.type, policy, ctx, used, `${field.name}(${arg.name})`);
      if (value === undefined) continue;
      variables[arg.name] = value;
    }
    declared.push(`$${arg.name}: ${typeString(arg.type)}`);
    passed.push(`${arg.name}: $${arg.name}`);
  }
  const vk = versionKind(policy, used);
  let cached: number | undefined;
  const version = async () => (cached ??= await ctx.version(vk));
  const filled = (await fillVersions(variables, version)) as Record<string, unknown>;
  const head = declared.length ? `${kind} Op(${declared.join(', ')})` : `${kind} Op`;
  const args = passed.length ? `(${passed.join(', ')})` : '';
  return { query: `${head} { ${field.name}${args} ${selectionOf(field.type)} }`, variables: filled, kinds: [...used] };
}
