import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { webDocument } from '../../../../test/web-documents.js';
import { keptAnswerStamps } from '../cacheable-operation.js';

const root = new URL('../../../../../../', import.meta.url).pathname;
const schema = buildSchema(readFileSync(path.join(root, 'apps/api/schema.gql'), 'utf8'));

const stampsOf = (query: string, operationName?: string) => {
  const document = parse(query);
  return keptAnswerStamps(schema, document, getOperationAST(document, operationName)!);
};
/** Whether an answer may be kept at all, under whichever stamps. */
const cacheable = (query: string, operationName?: string) => stampsOf(query, operationName) !== null;

describe('keptAnswerStamps', () => {
  it.each([
    ['own tasks', webDocument('tasks/graphql/my-tasks.query.ts', 'tasks/graphql/task-row.fragment.ts'), 'MyTasks'],
    ['ledger', webDocument('tasks/graphql/tasks.query.ts', 'tasks/graphql/task-row.fragment.ts'), 'LedgerTasks'],
    ['progress tree', webDocument('plans/graphql/plan-progress.query.ts'), 'PlanProgress'],
    ["progress tree's key point tasks", webDocument('plans/graphql/plan-progress.query.ts'), 'KeyPointProgressTasks'],
    ['scorecard', webDocument('scorecard/graphql/scorecard.query.ts'), 'Scorecard'],
  ])("keeps the web's %s", (_name, document, operationName) => {
    expect(cacheable(document, operationName)).toBe(true);
    expect(stampsOf(document, operationName)).toBe('tenant');
  });

  it.each([
    ['下级落实 coverage and roll-up', webDocument('levels/graphql/lower-coverage.query.ts'), 'LowerCoverage'],
    ['下级落实 drill-down', webDocument('levels/graphql/lower-rollup-detail.query.ts'), 'LowerRollupDetail'],
  ])("keeps the web's %s under its lower tenants' stamp too", (_name, document, operationName) => {
    expect(stampsOf(document, operationName)).toBe('tenant-and-lowers');
  });

  it("checks a document against the lower tenants' stamp as soon as it selects one roll-up field", () => {
    expect(stampsOf(`{ myTasks { totalCount } lowerCoverage { year } }`)).toBe('tenant-and-lowers');
    expect(stampsOf(`{ myTasks { totalCount } ...F } fragment F on Query { lowerCoverage { year } }`)).toBe(
      'tenant-and-lowers',
    );
    // Only the roll-up's fields are covered: the links panel's (beside its invitations) are not listed.
    expect(stampsOf(`{ lowerCoverage { year } tenantLinks { lowers { name } } }`)).toBeNull();
  });

  it('keeps nothing with a field the stamp does not cover, however it is reached', () => {
    expect(cacheable(`{ myTasks { nodes { id history { id } } } }`)).toBe(false);
    expect(cacheable(`{ myTasks { nodes { id title: history { id } } } }`)).toBe(false);
    expect(cacheable(`{ myTasks { nodes { ...F } } } fragment F on Task { milestones { id } }`)).toBe(false);
    expect(cacheable(`{ myTasks { nodes { ... on Task { milestones { id } } } } }`)).toBe(false);
    expect(cacheable(`{ myTasks { totalCount } me { id } }`)).toBe(false);
    expect(cacheable(`{ task(id: "x") { id } }`)).toBe(false);
  });

  it('keeps no mutation and no unknown field', () => {
    expect(cacheable(`mutation { signOut }`)).toBe(false);
    expect(cacheable(`{ myTasks { nodes { noSuchField } } }`)).toBe(false);
  });

  it('allows __typename and aliases of covered fields', () => {
    expect(cacheable(`{ myTasks { __typename n: nodes { id t: keyPoint { title } } } }`)).toBe(true);
  });
});
