import type { NestExpressApplication } from '@nestjs/platform-express';
import { Factory, sameSessionRequest, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { createSecondApp, createTestApp, type TestApp } from '../../../../test/test-app.js';
import { GQL } from '../../../../test/bench-reads.js';
import { webDocument } from '../../../../test/web-documents.js';
import { AnswerCachePlugin } from '../answer-cache.plugin.js';

/**
 * Computed reads run compiled (graphql-jit) in process A and on graphql-js in process B, on one database:
 * every answer A computes must be B's, byte for byte as sent, and every refusal the same refusal. Between
 * requests the calendar's revision moves (the answer stamp), so no read is a kept answer, and nothing the
 * reads show changes.
 */
describe('reads computed compiled, against graphql-js', () => {
  let a: TestApp;
  let b: NestExpressApplication;
  let f: Factory;
  let tenant: TestTenant;
  let units: TestUnit[];
  let planId: string;
  let keyPointId: string;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createSecondApp(a, { COMPILED_READS: 'false' });
    f = new Factory(a);
    tenant = await f.tenant();
    units = [await f.unit(tenant, '市教育局'), await f.unit(tenant, '市民政局')];
    const made = await f.tasks(tenant, units, 8, {
      year: 2026,
      status: (i) => (i % 3 ? 'IN_PROGRESS' : 'NOT_STARTED'),
    });
    planId = made.planId;
    keyPointId = made.tasks[0].keyPointId;
    const liaison = await f.client(tenant, 'UNIT_LIAISON', units[0]);
    expect((await liaison.gql(GQL.submitReport, { taskId: made.tasks[0].id })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const compiledAnswers = () => a.app.get(AnswerCachePlugin).compiledAnswers;

  /** Moves the tenant's answer stamp without changing anything a read shows. */
  const moveStamp = () =>
    a.db.query(
      `INSERT INTO calendar_revision (tenant_id) VALUES ($1) ON CONFLICT (tenant_id) DO UPDATE SET revision = calendar_revision.revision + 1`,
      [tenant.id],
    );

  /** The same request to a process, as sent: status and body text. */
  const send = async (
    server: NestExpressApplication,
    client: Client,
    query: string,
    variables: Record<string, unknown>,
    operationName?: string,
  ) => {
    const res = await sameSessionRequest(server.getHttpServer(), client)(query, variables, operationName);
    return { status: res.status, text: res.text };
  };

  // Five entries each: a test function with more parameters than its row's values is given jest's `done`.
  const reads: [
    string,
    'UNIT_LIAISON' | 'OFFICE_STAFF' | 'LEADERSHIP',
    string,
    () => Record<string, unknown>,
    string?,
  ][] = [
    [
      'own tasks',
      'UNIT_LIAISON',
      webDocument('tasks/graphql/my-tasks.query.ts', 'tasks/graphql/task-row.fragment.ts'),
      () => ({ first: 50 }),
      'MyTasks',
    ],
    [
      'the ledger',
      'OFFICE_STAFF',
      webDocument('tasks/graphql/tasks.query.ts', 'tasks/graphql/task-row.fragment.ts'),
      () => ({ filter: { planId }, sort: { field: 'DUE_DATE', direction: 'ASC' }, first: 5 }),
      'LedgerTasks',
    ],
    [
      'the progress tree',
      'LEADERSHIP',
      webDocument('plans/graphql/plan-progress.query.ts'),
      () => ({ planId }),
      'PlanProgress',
    ],
    [
      "a key point's tasks",
      'LEADERSHIP',
      webDocument('plans/graphql/plan-progress.query.ts'),
      () => ({ keyPointId }),
      'KeyPointProgressTasks',
    ],
    [
      'the scorecard',
      'LEADERSHIP',
      webDocument('scorecard/graphql/scorecard.query.ts'),
      () => ({ filter: { year: 2026 }, first: 200 }),
      'Scorecard',
    ],
    ["the bench's scorecard", 'LEADERSHIP', GQL.scorecard, () => ({ year: 2026 }), undefined],
    ["the bench's ledger", 'OFFICE_STAFF', GQL.ledgerFiltered, () => ({ planId }), undefined],
  ];

  it.each(reads)(
    "answers %s as graphql-js does, compiled from the document's second sight",
    async (_name, role, query, vars, op) => {
      const client = await f.client(tenant, role, role === 'UNIT_LIAISON' ? units[0] : undefined);
      const before = compiledAnswers();
      for (let i = 0; i < 3; i++) {
        await moveStamp();
        const compiled = await send(a.app, client, query, vars(), op);
        const walked = await send(b, client, query, vars(), op);
        expect(compiled.status).toBe(200);
        expect(JSON.parse(compiled.text).errors).toBeUndefined();
        expect(compiled).toEqual(walked);
      }
      // The first sight ran on graphql-js; the next two were compiled (unless another test compiled it first).
      expect(compiledAnswers() - before).toBeGreaterThanOrEqual(2);
    },
  );

  it.each([
    ['a role the root field refuses', 'OFFICE_STAFF', GQL.myTasks, {}],
    ['variables of the wrong type', 'LEADERSHIP', GQL.scorecard, { year: '二〇二六' }],
    ['a plan of no one', 'LEADERSHIP', GQL.progress, { planId: '00000000-0000-4000-8000-000000000000' }],
  ] as const)('refuses %s as graphql-js does, every time', async (_name, role, query, variables) => {
    const client = await f.client(tenant, role);
    const before = compiledAnswers();
    for (let i = 0; i < 3; i++) {
      await moveStamp();
      const compiled = await send(a.app, client, query, variables);
      expect(JSON.parse(compiled.text).errors.length).toBeGreaterThan(0);
      expect(compiled).toEqual(await send(b, client, query, variables));
    }
    expect(compiledAnswers()).toBe(before);
  });
});
