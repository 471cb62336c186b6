import { shanghaiDate } from '@duban/domain';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestListener, type GraphQLResponse } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { Inject } from '@nestjs/common';
import type { GraphqlContext } from '../../app.module.js';
import type { RequestWithViewer } from '../../common/auth.decorators.js';
import type { RequestWithAnswerEncodings } from '../../common/compressed-answers.js';
import { Clock } from '../../common/clock.js';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { rolesOf, type Viewer } from '../../common/viewer.js';
import { bindRequestTenant } from '../../database/tenant-context.js';
import { CompiledExecution } from '../../graphql/compiled-execution.js';
import { serialisedResult, variablesKey } from '../../graphql/query-limits.js';
import { SessionService } from '../auth/index.js';
import { AnswerStore } from './answer-store.js';
import { keptAnswerStamps, type KeptAnswerStamps } from './cacheable-operation.js';

/** Per process: the web's handful of lists, per scope and page; ≈ 8 MB of JSON at most. */
const MAX_ANSWERS = 2000;
const MAX_ANSWER_BYTES = 8 * 1024 * 1024;
/** The web's variables are a filter and a cursor; anything longer is computed rather than kept as a key. */
const MAX_KEY_VARIABLES = 4096;
/** Documents judged (under which stamps, or not at all), by hash: the web sends a few dozen; a flood only resets it. */
const MAX_JUDGED = 1000;

/**
 * What a kept answer is for: the exact document, its variables, the viewer's scope (tenant, roles, unit:
 * what these reads filter by; people who share a scope, a unit's liaison and leader or the office's
 * staff, share answers) and the day.
 */
function answerKey(
  queryHash: string,
  operationName: string | null,
  variables: unknown,
  viewer: Viewer,
  today: string,
): string | null {
  const written = variablesKey(variables, MAX_KEY_VARIABLES);
  if (written === null) return null;
  return JSON.stringify([
    queryHash,
    operationName,
    written,
    viewer.tenantId,
    viewer.role,
    [...rolesOf(viewer)].sort(),
    viewer.unitId,
    today,
  ]);
}

/** The request's stamp for an answer checked against `stamps`, or null when one of them was not read. */
function stampOf(stamps: KeptAnswerStamps, req: RequestWithViewer): string | null {
  if (!req.answerStamp) return null;
  if (stamps === 'tenant') return req.answerStamp;
  // The lower stamp is '' for a tenant with no lower tenant, which is a stamp like any other.
  return req.lowerAnswerStamp === undefined ? null : `${req.answerStamp}/${req.lowerAnswerStamp}`;
}

/** A response with this data and nothing else, as Apollo would make of an execution without errors. */
function answer(data: Record<string, unknown>): GraphQLResponse {
  return { http: { headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
}

/**
 * Answers the web's everyday reads (the task lists, the progress tree, the scorecard, 下级落实) from the answer
 * this process computed last for the same scope, document and variables, when nothing it depends on
 * has changed since: no GraphQL execution, no resolver, no serialisation. What "nothing changed" means
 * is the stamp (common/answer-stamp.ts: the tenant's own, and its lower tenants' for the roll-up), read from
 * PostgreSQL with the session on every request, so a write committed by any API process is seen at once;
 * which fields may be answered this way, under which stamps, is COVERED_FIELDS and LOWER_COVERED_FIELDS.
 *
 * The session is read first, as the guard would (the guard then reuses it), so a session signed out,
 * timed out or deactivated anywhere is refused at its next request. Only a viewer the guard would let
 * through to these reads is answered here; anything else (no session, a password or two-factor to set
 * up first) goes the ordinary way and meets the guard's refusal. An answer is kept only when it had no
 * error, so a role a root field refuses never has one.
 */
@Plugin()
export class AnswerCachePlugin implements ApolloServerPlugin<GraphqlContext> {
  private readonly store = new AnswerStore(MAX_ANSWERS, MAX_ANSWER_BYTES);
  private readonly judged = new Map<string, KeptAnswerStamps | null>();
  private readonly compiled: CompiledExecution | null;

  constructor(
    private readonly sessions: SessionService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.compiled = config.compiledReads ? new CompiledExecution() : null;
  }

  /** Reads answered by compiled execution in this process. */
  get compiledAnswers(): number {
    return this.compiled?.answered ?? 0;
  }

  async requestDidStart(): Promise<GraphQLRequestListener<GraphqlContext>> {
    // Set when this request's answer may be kept: under which key, and the stamp read before computing it.
    let pending: { key: string; stamp: string; req: RequestWithAnswerEncodings } | null = null;
    return {
      responseForOperation: async ({
        schema,
        document,
        operation,
        operationName,
        queryHash,
        request,
        contextValue,
      }) => {
        // No operation: the name matched none of the document's (Apollo answers that with its error).
        if (!queryHash || !operation) return null;
        const judgedKey = `${queryHash}|${operationName ?? ''}`;
        let stamps = this.judged.get(judgedKey);
        if (stamps === undefined) {
          if (this.judged.size >= MAX_JUDGED) this.judged.clear();
          stamps = keptAnswerStamps(schema, document, operation);
          this.judged.set(judgedKey, stamps);
        }
        if (!stamps) return null;
        const req = contextValue.req as unknown as RequestWithViewer & RequestWithAnswerEncodings;
        // The lower tenants' stamp only for a read that needs it: every other request of an upper tenant is spared it.
        const viewer = await this.sessions.resolveRequest(req, { lowerStamp: stamps === 'tenant-and-lowers' });
        // The stamps were read with the session, before the answer is computed: data committed meanwhile
        // makes the kept answer stale, never wrong.
        const stamp = stampOf(stamps, req);
        if (!viewer || stamp === null || viewer.mustChangePassword || viewer.mustEnrolTwoFactor) return null;
        bindRequestTenant(viewer.tenantId);
        const key = answerKey(queryHash, operationName, request.variables, viewer, shanghaiDate(this.clock.now()));
        if (key !== null) {
          const kept = this.store.get(key, stamp);
          if (kept) {
            // Its bytes, plain and compressed, are made once too (common/compressed-answers.ts).
            req.answerEncodings = kept.encodings;
            return answer(kept.data);
          }
          pending = { key, stamp, req };
        }
        // Computed afresh: these documents are reads of the covered fields only, so they may run compiled,
        // and graphql-js runs whatever the compiled run does not answer without an error.
        const computed = await this.compiled?.execute(schema, document, operationName, contextValue, request.variables);
        return computed ? answer(computed.data!) : null;
      },
      willSendResponse: async ({ response }) => {
        if (!pending || response.body.kind !== 'single') return;
        const result = response.body.singleResult;
        if (result.errors?.length || !result.data || result.extensions) return;
        const json = serialisedResult(result);
        const encodings = { json };
        pending.req.answerEncodings = encodings;
        this.store.set(pending.key, { stamp: pending.stamp, data: result.data, bytes: json.length, encodings });
      },
    };
  }
}
