import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, getOperationAST, parse } from 'graphql';
import { isCacheableOperation } from '../cacheable-operation.js';

const root = new URL('../../../../../../', import.meta.url).pathname;
const schema = buildSchema(readFileSync(path.join(root, 'apps/api/schema.gql'), 'utf8'));

const cacheable = (query: string, operationName?: string) => {
  const document = parse(query);
  return isCacheableOperation(schema, document, getOperationAST(document, operationName)!);
};

/** The web's operation and the fragments it spreads, as written in its graphql/ files. */
function webDocument(...files: string[]): string {
  return files
    .map((file) => readFileSync(path.join(root, 'apps/web/src/modules', file), 'utf8'))
    .flatMap((source) => [...source.matchAll(/graphql\(`([\s\S]*?)`\)/g)].map((m) => m[1]))
    .join('\n');
}

describe('isCacheableOperation', () => {
  it.each([
    ['own tasks', webDocument('tasks/graphql/my-tasks.query.ts', 'tasks/graphql/task-row.fragment.ts'), 'MyTasks'],
    ['ledger', webDocument('tasks/graphql/tasks.query.ts', 'tasks/graphql/task-row.fragment.ts'), 'LedgerTasks'],
    ['progress tree', webDocument('plans/graphql/plan-progress.query.ts'), 'PlanProgress'],
    ["progress tree's key point tasks", webDocument('plans/graphql/plan-progress.query.ts'), 'KeyPointProgressTasks'],
    ['scorecard', webDocument('scorecard/graphql/scorecard.query.ts'), 'Scorecard'],
  ])("keeps the web's %s", (_name, document, operationName) => {
    expect(cacheable(document, operationName)).toBe(true);
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
