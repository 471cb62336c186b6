import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { buildSchemaSdl, printSdl } from '../graphql/schema-sdl.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

const committed = readFileSync(path.resolve('apps/api/schema.gql'), 'utf8');

describe('the committed schema.gql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('matches what the code generates (run `npm run schema:generate` after changing the API)', async () => {
    expect(await buildSchemaSdl()).toBe(committed);
  });

  it('matches the schema the running app serves', () => {
    expect(printSdl(t.app.get(GraphQLSchemaHost).schema)).toBe(committed);
  });
});
