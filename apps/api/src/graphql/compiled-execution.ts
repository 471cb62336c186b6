import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { print, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';

/** Distinct documents compiled per process: the web sends a few dozen; a flood only resets it. */
const MAX_COMPILED = 200;

/** A document's compiled form, or null once compiling it failed (graphql-js runs it from then on). */
type Compiled = CompiledQuery | null;

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
      const result = await compiled.query(undefined, contextValue, variables ?? {});
      if (result.errors?.length || !result.data) return null;
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
  try {
    const compiled = compileQuery(schema, document, operationName || undefined, {
      // Errors are never sent from here (graphql-js runs the request again), so their stacks are not needed.
      disablingCapturingStackErrors: true,
    });
    return isCompiledQuery(compiled) ? compiled : null;
  } catch {
    return null;
  }
}
