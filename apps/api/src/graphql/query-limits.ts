import type { ApolloServerPlugin } from '@apollo/server';
import { badInput } from '../common/app-error.js';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError,
  type DocumentNode,
  type FormattedExecutionResult,
  type GraphQLSchema,
  Kind,
  type ASTVisitor,
  type DefinitionNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_COMPLEXITY = 20000;
/** Root fields in one operation (aliases included): what the web sends stays far below. */
export const MAX_ROOT_FIELDS = 30;
/** Bytes of one JSON response at most; a bigger answer is refused instead of built and sent. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/**
 * Fields that can hold a whole document, costed as the many ordinary fields they weigh: a plan's
 * source text is up to a million characters.
 */
export const LARGE_FIELD_COST: Record<string, number> = { 'Plan.sourceText': 1000 };

/**
 * Rejects documents nested deeper than `max` (following fragments), before anything executes.
 * Introspection's own deep `__schema` queries are exempt so tooling keeps working where introspection is on.
 */
export function depthLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const definitions = context.getDocument().definitions;
    const fragments = new Map(
      definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const depthOf = (set: SelectionSetNode | undefined, depth: number, seen: Set<string>): number => {
      if (!set || depth > max) return depth;
      let deepest = depth;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(deepest, depthOf(selection.selectionSet, depth + 1, seen));
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet, depth, seen));
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (fragment && !seen.has(name))
            deepest = Math.max(deepest, depthOf(fragment.selectionSet, depth, new Set(seen).add(name)));
        }
      }
      return deepest;
    };
    return {
      Document(node) {
        for (const definition of node.definitions as readonly DefinitionNode[]) {
          if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
          const depth = depthOf(definition.selectionSet, 0, new Set());
          if (depth > max) {
            context.reportError(
              new GraphQLError(`查询嵌套层级过深（最多 ${max} 层）`, {
                nodes: [definition],
                extensions: { code: 'BAD_USER_INPUT' },
              }),
            );
          }
        }
      },
    };
  };
}

/**
 * Each field costs 1 plus its children, multiplied by the page size a list argument asks for; a field
 * that holds a whole document costs what LARGE_FIELD_COST says.
 */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity, field, type }) => {
  const own = LARGE_FIELD_COST[`${type.name}.${field.name}`] ?? 1;
  const first = typeof args.first === 'number' ? Math.max(1, Math.min(args.first, 1000)) : 1;
  return own + childComplexity * first;
};

/** Refuses operations with more than `max` root fields (aliases make each one a separate, full-priced query). */
export function rootFieldLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    const count = (set: SelectionSetNode, seen: Set<string>): number => {
      let n = 0;
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) n += selection.name.value.startsWith('__') ? 0 : 1;
        else if (selection.kind === Kind.INLINE_FRAGMENT) n += count(selection.selectionSet, seen);
        else if (!seen.has(selection.name.value) && fragments.has(selection.name.value)) {
          n += count(fragments.get(selection.name.value)!.selectionSet, new Set(seen).add(selection.name.value));
        }
        if (n > max) break;
      }
      return n;
    };
    return {
      OperationDefinition(node) {
        if (count(node.selectionSet, new Set()) > max) {
          context.reportError(
            new GraphQLError(`一次请求的查询项过多（最多 ${max} 项），请分开查询`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
      },
    };
  };
}

// Keyed by the result's data object; the entry holds the parts it was written from, so a result
// whose errors or extensions were replaced since (or any other object) is written afresh. Shared by
// every server in the process: the answer cache keeps the JSON of the answers it holds here too.
const written = new WeakMap<object, { errors: unknown; extensions: unknown; json: string }>();

/**
 * A result as the JSON Apollo sends (errors, data, extensions in that order, and a newline), written
 * once per data object: the size check, the answer cache and `stringifyResult` all take this one copy.
 */
export function serialisedResult(value: FormattedExecutionResult): string {
  const entry = value.data ? written.get(value.data) : undefined;
  if (entry && entry.errors === value.errors && entry.extensions === value.extensions) return entry.json;
  const json = JSON.stringify({ errors: value.errors, data: value.data, extensions: value.extensions }) + '\n';
  if (value.data) written.set(value.data, { errors: value.errors, extensions: value.extensions, json });
  return json;
}

/**
 * Records `json` as what `serialisedResult` writes for a result of just this data (no errors, no
 * extensions), when it was written by a serialiser made for the document (compiled-execution.ts): the
 * size check, the answer cache and `stringifyResult` then take it instead of writing it again.
 */
export function rememberSerialised(data: object, json: string): void {
  written.set(data, { errors: undefined, extensions: undefined, json });
}

/**
 * Whether a written response (its trailing newline not counted) fits in `maxBytes` of UTF-8. UTF-8
 * takes at most 3 bytes per UTF-16 code unit (a surrogate pair's 4 bytes are 2 units), so only a
 * response that might be over is measured: counting a province's 250 KB of Chinese cost 1.6 ms a read.
 */
export function withinBytes(json: string, maxBytes: number): boolean {
  return (json.length - 1) * 3 <= maxBytes || Buffer.byteLength(json) - 1 <= maxBytes;
}

/**
 * Replaces a response bigger than `maxBytes` with an error: a query must not make the server send
 * megabytes. The size is that of the JSON the response goes out as, so the plugin writes that JSON
 * once and `stringifyResult` (Apollo's option, given this pair's own) sends it as written: a scorecard
 * or progress tree serialised twice spent ≈ 15 % of its API CPU on the second copy.
 */
export function responseSizeLimit(maxBytes: number): {
  plugin: ApolloServerPlugin;
  stringifyResult: (value: FormattedExecutionResult) => string;
} {
  return {
    plugin: {
      async requestDidStart() {
        return {
          async willSendResponse({ response }) {
            if (response.body.kind !== 'single') return;
            const json = serialisedResult(response.body.singleResult);
            if (withinBytes(json, maxBytes)) return;
            response.body.singleResult = {
              errors: [
                {
                  message: `查询结果过大（超过 ${Math.round(maxBytes / 1024 / 1024)} MB），请减少字段或每页条数`,
                  extensions: { code: 'BAD_USER_INPUT' },
                },
              ],
            };
            response.http.status = 400;
          },
        };
      },
    },
    stringifyResult: serialisedResult,
  };
}

/** An operation's estimated cost; NaN when the variables do not fit (Apollo then reports them itself). */
export type CostEstimate = (args: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
}) => number;

const estimateCost: CostEstimate = ({ schema, document, operationName, variables }) => {
  try {
    return getComplexity({ schema, query: document, operationName, variables, estimators: [pagedEstimator] });
  } catch (error) {
    // The library's own node-count guard: the document is too large to even estimate.
    if (/maximum allowed number of nodes/.test((error as Error)?.message ?? '')) return Number.POSITIVE_INFINITY;
    // Anything else (variables that do not fit their types, an unknown operation name) is not about size.
    return Number.NaN;
  }
};

/** Estimates kept per document; variables longer than this are estimated every time. */
const COST_KEY_CHARS = 2000;
const COSTS_PER_DOCUMENT = 64;

/**
 * Variables written as part of a key (a kept estimate's here, a kept answer's in the answer cache), or
 * null when they take more than `maxChars` or are nested past the stack (Apollo refuses those itself).
 */
export function variablesKey(variables: unknown, maxChars: number): string | null {
  let written: string;
  try {
    written = JSON.stringify(variables ?? null);
  } catch {
    return null;
  }
  return written.length <= maxChars ? written : null;
}

/** What an estimate is kept under beside its document; null for variables too long or too deep to write. */
function costKey(operationName: string | null | undefined, variables: Record<string, unknown>): string | null {
  const name = operationName ?? '';
  const written = variablesKey(variables, COST_KEY_CHARS - name.length - 1);
  return written === null ? null : `${name}\n${written}`;
}

/**
 * Refuses operations whose estimated cost exceeds `max` before they execute. Apollo hands every request
 * with the same query text the same validated document object, and the cost is a function of it, the
 * operation name and the variables: each such estimate is made once (walking a page's document with
 * its fragments cost up to 2 ms a request).
 */
export function complexityLimitPlugin(max: number, estimate: CostEstimate = estimateCost): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, Map<string, number>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const variables = request.variables ?? {};
          const key = costKey(request.operationName, variables);
          const known = key !== null ? (costs.get(document) ?? new Map<string, number>()) : null;
          let complexity = key !== null ? known?.get(key) : undefined;
          if (complexity === undefined) {
            complexity = estimate({ schema, document, operationName: request.operationName ?? undefined, variables });
            if (Number.isNaN(complexity)) return;
            if (known && key !== null) {
              if (known.size >= COSTS_PER_DOCUMENT) known.clear();
              known.set(key, complexity);
              costs.set(document, known);
            }
          }
          if (complexity > max) {
            const error = badInput(
              `查询过于复杂（复杂度 ${Number.isFinite(complexity) ? complexity : '过大'}，上限 ${max}），请减少字段或每页条数`,
            );
            // Thrown from a plugin hook, an error is a 500 unless it names its status.
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
