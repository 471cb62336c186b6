import type { ApolloServerPlugin } from '@apollo/server';
import { badInput } from '../common/app-error.js';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import {
  GraphQLError, Kind,
  type ASTVisitor, type DefinitionNode, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext,
} from 'graphql';

export const MAX_QUERY_DEPTH = 12;
export const MAX_QUERY_COMPLEXITY = 20000;

/**
 * Rejects documents nested deeper than `max` (following fragments), before anything executes.
 * Introspection's own deep `__schema` queries are exempt so tooling keeps working where introspection is on.
 */
export function depthLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const definitions = context.getDocument().definitions;
    const fragments = new Map(
      definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
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
          if (fragment && !seen.has(name)) deepest = Math.max(deepest, depthOf(fragment.selectionSet, depth, new Set(seen).add(name)));
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
              new GraphQLError(`查询嵌套层级过深（最多 ${max} 层）`, { nodes: [definition], extensions: { code: 'BAD_USER_INPUT' } }),
            );
          }
        }
      },
    };
  };
}

/** Each field costs 1 plus its children, multiplied by the page size a list argument asks for. */
const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' ? Math.max(1, Math.min(args.first, 1000)) : 1;
  return 1 + childComplexity * first;
};

/** Refuses operations whose estimated cost exceeds `max` before they execute. */
export function complexityLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let complexity: number;
          try {
            complexity = getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators: [pagedEstimator],
            });
          } catch (error) {
            // The library's own node-count guard: the document is too large to even estimate.
            if (/maximum allowed number of nodes/.test((error as Error)?.message ?? '')) complexity = Number.POSITIVE_INFINITY;
            // Anything else (variables that do not fit their types, an unknown operation name) is not
            // about size: Apollo reports it next, with its own code and a 400.
            else return;
          }
          if (complexity > max) {
            const error = badInput(`查询过于复杂（复杂度 ${Number.isFinite(complexity) ? complexity : '过大'}，上限 ${max}），请减少字段或每页条数`);
            // Thrown from a plugin hook, an error is a 500 unless it names its status.
            error.extensions.http = { status: 400 };
            throw error;
          }
        },
      };
    },
  };
}
