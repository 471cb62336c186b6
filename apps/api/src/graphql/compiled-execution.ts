import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { print, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { rememberSerialised } from './query-limits.js';

/** Distinct documents compiled per process: the web sends a few dozen; a flood only resets it. */
const MAX_COMPILED = 200;

/**
 * A document's compiled form, with whether its `stringify` was made for its shape, or null once
 * compiling it failed (graphql-js runs it from then on).
 */
type Compiled = { query: CompiledQuery; ownSerialiser: boolean } | null;

/** Per text: seen once (undefined), then what compiling it made. */
interface ByText {
  compiled?: Compiled;
}

/**
 * Runs read documents as code generated for them once (graphql-jit) instead of graphql-js's walk of the
 * document on every request: a scorecard or progress tree completes thousands of fields, and graphql-js
 * spends more of the API's CPU on that walk than the resolvers do. The resolvers, their guards and the
 * context are the schema's own; only the execution around them is compiled.
 *
 * A document is compiled at its second sight (its printed text, so a document Apollo parsed again is the
 * same one), so a one-off costs nothing more than graphql-js. `execute` answers null whenever graphql-js
 * must run the request instead: not compiled yet, compiling failed, execution threw, or the result has
 * an error. The caller then lets Apollo execute it, so every error, a refused role included, comes out
 * of graphql-js with Apollo's formatting and status as before. Only reads may be run here: a failed one
 * is executed a second time.
 */
export class CompiledExecution {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();
  private readonly byText = new Map<string, ByText>();
  /** Requests answered compiled so far (tests tell from it that the compiled path ran). */
  answered = 0;

  constructor(private readonly maxCompiled = MAX_COMPILED) {}

  async execute(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    contextValue: unknown,
    variables: Record<string, unknown> | undefined,
  ): Promise<ExecutionResult | null> {
    const compiled = this.compiledFor(schema, document, operationName ?? '');
    if (!compiled) return null;
    try {
      const result = await compiled.query.query(undefined, contextValue, variables ?? {});
      if (result.errors?.length || !result.data) return null;
      // The answer's JSON, written by the serialiser compiled for the document's shape (fast-json-stringify),
      // which writes a scorecard's 133 KB in ≈ 2/3 of JSON.stringify's time; the same bytes
      // (compiled-reads.integration-spec.ts compares them with graphql-js's answers).
      if (compiled.ownSerialiser) {
        try {
          rememberSerialised(result.data, `${compiled.query.stringify({ data: result.data })}\n`);
        } catch {
          // JSON.stringify writes it then, as for any other answer.
        }
      }
      this.answered++;
      return result;
    } catch {
      return null;
    }
  }

  /** The compiled document, or null while it is to be run by graphql-js. */
  private compiledFor(schema: GraphQLSchema, document: DocumentNode, operationName: string): Compiled {
    const known = this.byDocument.get(document)?.get(operationName);
    if (known !== undefined) return known;
    const text = `${operationName}\n${print(document)}`;
    const entry = this.byText.get(text);
    if (!entry) {
      if (this.byText.size >= this.maxCompiled) this.byText.clear();
      this.byText.set(text, {});
      return null;
    }
    if (entry.compiled === undefined) entry.compiled = compile(schema, document, operationName);
    const perOperation = this.byDocument.get(document) ?? new Map<string, Compiled>();
    perOperation.set(operationName, entry.compiled);
    this.byDocument.set(document, perOperation);
    return entry.compiled;
  }
}

function compile(schema: GraphQLSchema, document: DocumentNode, operationName: string): Compiled {
  // A serialiser for the document's shape is made only for the built-in scalars: a document with a
  // DateTime (the task lists) is compiled without one and written by JSON.stringify.
  for (const ownSerialiser of [true, false]) {
    try {
      const compiled = compileQuery(schema, document, operationName || undefined, {
        // Errors are never sent from here (graphql-js runs the request again), so their stacks are not needed.
        disablingCapturingStackErrors: true,
        customJSONSerializer: ownSerialiser,
      });
      if (isCompiledQuery(compiled)) return { query: compiled, ownSerialiser };
    } catch {
      // Compiled without the serialiser, or not at all.
    }
  }
  return null;
}
