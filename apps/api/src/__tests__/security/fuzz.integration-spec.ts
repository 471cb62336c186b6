import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLField } from 'graphql';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { Factory } from '../../../test/factory.js';
import type { Role } from '../../common/enums.js';
import { buildTenantWorld, currentVersion, type Actor, type TenantWorld } from './isolation-world.js';
import { buildOperation, type BuiltOperation } from './operation-builder.js';
import { MUTATION_POLICY, QUERY_POLICY, type OperationPolicy } from './operation-policy.js';
import { changedTables, tenantChecksum } from './tenant-checksum.js';

const AUDIT_TABLES = new Set(['audit_log', 'audit_chain']);

const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const CHINESE = /[\u4e00-\u9fff]/;
const MB = 1024 * 1024;

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed with FUZZ_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}

const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });

/** Values that are wrong for nearly every argument: wrong types, out of range, oversized, malformed. */
const BAD_VALUES: { name: string; value: () => unknown; heavy?: boolean }[] = [
  { name: 'null', value: () => null },
  { name: 'empty', value: () => '' },
  { name: 'blank', value: () => '   ' },
  { name: 'not-a-uuid', value: () => 'not-a-uuid' },
  { name: 'uuid-ish', value: () => '00000000-0000-0000-0000-00000000000g' },
  { name: 'sql', value: () => "' OR 1=1; DROP TABLE task; --" },
  { name: 'nul', value: () => 'a\u0000b' },
  { name: 'lone-surrogate', value: () => 'x\ud800y' },
  { name: 'script', value: () => '<script>alert(1)</script>' },
  { name: 'js-url', value: () => 'javascript:alert(1)' },
  { name: 'bad-date', value: () => '2026-02-30' },
  { name: 'far-date', value: () => '99999-12-31' },
  { name: 'negative', value: () => -1 },
  { name: 'int-overflow', value: () => 2147483648 },
  { name: 'int-underflow', value: () => -2147483649 },
  { name: 'fraction', value: () => 1.5 },
  { name: 'huge-number', value: () => 1e308 },
  { name: 'bool', value: () => true },
  { name: 'object', value: () => ({ x: 1 }) },
  { name: 'array', value: () => [] },
  { name: 'enum-bogus', value: () => 'BOGUS_VALUE' },
  { name: 'deep-object', value: () => nested(500) },
  { name: 'long-list', value: () => Array.from({ length: 10000 }, (_, i) => `x${i}`) },
  { name: '100k-string', value: () => '政'.repeat(100_000) },
  { name: '1mb-string', value: () => 'x'.repeat(MB), heavy: true },
];

interface Outcome {
  label: string;
  status: number;
  body: unknown;
}

/** Problems with one response: a 500, an internal error, or an error without a code and a Chinese message. */
function problemsOf(o: Outcome): string[] {
  const out: string[] = [];
  if (o.status >= 500) out.push(`HTTP ${o.status}`);
  const body = o.body as {
    errors?: { message?: string; extensions?: { code?: string } }[];
    code?: string;
    message?: string;
  } | null;
  const errors =
    body?.errors ?? (o.status >= 400 ? [{ message: body?.message, extensions: { code: body?.code } }] : []);
  for (const e of errors) {
    if (!e.extensions?.code) out.push(`error without code: ${JSON.stringify(e).slice(0, 120)}`);
    if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') out.push(`INTERNAL_SERVER_ERROR: ${e.message}`);
    if (!CHINESE.test(e.message ?? '')) out.push(`error message not Chinese: ${String(e.message).slice(0, 120)}`);
  }
  return out.map((p) => `${o.label}: ${p}`);
}

/**
 * Seeded bad requests against the real app: broken bodies, malformed documents, every operation with
 * one argument replaced by a bad value, and broken uploads. Nothing may answer 500 or an internal
 * error; every error carries a code and a Chinese message; failed writes leave no trace.
 */
describe('fuzzing the GraphQL inputs and the upload path', () => {
  let t: TestApp;
  let world: TenantWorld;
  let fields: { kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown>; policy: OperationPolicy }[];
  const rnd = prng(SEED);

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildTenantWorld(new Factory(t), t.db, '模糊测试');
    const schema = t.app.get(GraphQLSchemaHost).schema;
    fields = [];
    for (const [kind, type, table] of [
      ['query', schema.getQueryType(), QUERY_POLICY],
      ['mutation', schema.getMutationType(), MUTATION_POLICY],
    ] as const) {
      for (const field of Object.values(type!.getFields())) {
        const policy = table[field.name];
        // Sign-in/out and password changes alter the caller's own account by design: fuzzed elsewhere (raw bodies).
        if (policy && !['signIn', 'signOut', 'changePassword', 'resetPassword'].includes(field.name))
          fields.push({ kind, field, policy });
      }
    }
  }, 120_000);
  afterAll(() => t?.close());

  const raw = async (
    label: string,
    body: string | Buffer,
    headers: Record<string, string> = {},
    client = world.clients.officeAdmin,
  ): Promise<Outcome> => {
    let req = client.agent.post('/graphql').set('x-csrf-token', client.csrf).set('content-type', 'application/json');
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = await req.send(body);
    return {
      label,
      status: res.status,
      body: res.body && Object.keys(res.body).length ? res.body : safeJson(res.text),
    };
  };
  const safeJson = (text: string) => {
    try {
      return JSON.parse(text);
    } catch {
      return { message: text?.slice(0, 200) };
    }
  };

  it('answers broken request bodies with a coded Chinese error, never a 500', async () => {
    const q = JSON.stringify('{ serverInfo { now } }');
    const cases: [string, string | Buffer][] = [
      [
        'invalid-utf8',
        Buffer.concat([
          Buffer.from(`{"query":${q},"variables":{"x":"`),
          Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
          Buffer.from('"}}'),
        ]),
      ],
      [
        'invalid-utf8-query',
        Buffer.concat([
          Buffer.from('{"query":"{ serverInfo { now '),
          Buffer.from([0xc0, 0xaf, 0xed, 0xa0, 0x80]),
          Buffer.from(' } }"}'),
        ]),
      ],
      ['nan', `{"query":"query($f:Int){ plans(first:$f){ totalCount } }","variables":{"f":NaN}}`],
      ['infinity', `{"query":"query($f:Int){ plans(first:$f){ totalCount } }","variables":{"f":1e400}}`],
      ['truncated', `{"query":"{ serverInfo { now } }"`],
      ['empty', ''],
      ['null', 'null'],
      ['number', '42'],
      ['string', '"{ serverInfo { now } }"'],
      ['query-number', '{"query":42}'],
      ['query-object', '{"query":{"a":1}}'],
      ['variables-string', `{"query":${q},"variables":"x"}`],
      ['variables-array', `{"query":${q},"variables":[1,2]}`],
      ['no-query', '{"variables":{}}'],
      ['operation-name-mismatch', `{"query":${q},"operationName":"Nope"}`],
      ['deep-json', `{"query":${q},"variables":{"x":${'['.repeat(20000)}${']'.repeat(20000)}}}`],
      ['deep-json-objects', `{"query":${q},"variables":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`],
      ['huge-document', JSON.stringify({ query: `{ ${'serverInfo { now } '.repeat(60000)} }` })],
      ['deep-selection', JSON.stringify({ query: `{ ${'plans { nodes { '.repeat(60)}id${' } }'.repeat(60)} }` })],
      ['syntax-error', JSON.stringify({ query: '{ serverInfo { now } ' })],
      ['unknown-field', JSON.stringify({ query: '{ nope }' })],
      [
        'fragment-cycle',
        JSON.stringify({ query: 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }),
      ],
      [
        'alias-bomb',
        JSON.stringify({ query: `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename`).join(' ')} }` }),
      ],
      ['directive-bomb', JSON.stringify({ query: `{ serverInfo ${'@include(if: true) '.repeat(5000)} { now } }` })],
      ['subscription', JSON.stringify({ query: 'subscription { x }' })],
      [
        'mutation-via-query-param',
        JSON.stringify({
          query: 'mutation { signOut }',
          extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
        }),
      ],
    ];
    const failures: string[] = [];
    for (const [label, body] of cases) failures.push(...problemsOf(await raw(label, body)));
    // Signed out, the same bodies must fail the same way.
    for (const [label, body] of cases.slice(0, 8)) {
      const res = await t.http.post('/graphql').set('content-type', 'application/json').send(body);
      failures.push(
        ...problemsOf({
          label: `anonymous ${label}`,
          status: res.status,
          body: res.body && Object.keys(res.body).length ? res.body : safeJson(res.text),
        }),
      );
    }
    await t.http.get('/healthz').expect(200);
    expect(failures).toEqual([]);
  });

  it('tells a mistyped variable from an oversized document (both 400), and a malformed id reads as not found', async () => {
    const typo = await raw(
      'typo',
      JSON.stringify({ query: 'query($f: Int) { plans(first: $f) { totalCount } }', variables: { f: 'x' } }),
    );
    expect(typo.status).toBe(400);
    expect((typo.body as { errors: { message: string; extensions: { code: string } }[] }).errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect((typo.body as { errors: { message: string }[] }).errors[0].message).not.toMatch(/查询过于复杂/);
    const huge = await raw('huge', JSON.stringify({ query: `{ ${'serverInfo { now } '.repeat(20000)} }` }));
    expect(huge.status).toBe(400);
    expect(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']).toContain(
      (huge.body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code,
    );
    const uuid = await raw(
      'uuid',
      JSON.stringify({ query: 'query($id: ID!) { plan(id: $id) { id } }', variables: { id: 'not-a-uuid' } }),
    );
    expect((uuid.body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  const ownerOf = (policy: OperationPolicy): Actor => {
    if (policy.owner) return policy.owner;
    if (policy.roles === 'ANY') return 'officeAdmin';
    const roles = policy.roles as readonly Role[];
    if (roles.includes('OFFICE_ADMIN')) return 'officeAdmin';
    if (roles.includes('UNIT_LIAISON')) return 'liaisonB';
    if (roles.includes('UNIT_LEADER')) return 'leaderB';
    return 'leadership';
  };

  /** Every leaf path of a variables object. */
  const leaves = (value: unknown, path: (string | number)[] = []): (string | number)[][] => {
    if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
    if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
    return [path];
  };
  const replaced = (
    vars: Record<string, unknown>,
    path: (string | number)[],
    bad: unknown,
  ): Record<string, unknown> => {
    const copy = structuredClone(vars);
    let at: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1]] = bad;
    return copy;
  };

  it('refuses every operation with one argument replaced by a bad value, without a 500 or a partial write', async () => {
    const failures: string[] = [];
    const accepted: string[] = [];
    const built: { kind: string; name: string; op: BuiltOperation; actor: Actor }[] = [];
    for (const { kind, field, policy } of fields) {
      const op = await buildOperation(kind, field, policy, {
        ids: world.ids,
        year: world.year,
        version: (k) => (k === 'tenant' ? Promise.resolve(1) : currentVersion(t.db, world, k)),
      });
      if (leaves(op.variables).length) built.push({ kind, name: field.name, op, actor: ownerOf(policy) });
    }
    let heavy = 0;
    const BATCH = 40;
    const TOTAL = 1600;
    for (let start = 0; start < TOTAL; start += BATCH) {
      const before = await tenantChecksum(t.db, world.tenant.id);
      let batchAccepted = false;
      for (let i = start; i < start + BATCH; i++) {
        const target = rnd.pick(built);
        const paths = leaves(target.op.variables);
        const path = rnd.pick(paths);
        let bad = rnd.pick(BAD_VALUES);
        if (bad.heavy && ++heavy > 30) bad = BAD_VALUES[0];
        const vars = replaced(target.op.variables, path, bad.value());
        const label = `${target.kind} ${target.name} ${path.join('.')}=${bad.name}`;
        const client = world.clients[target.actor];
        const res = await client.agent
          .post('/graphql')
          .set('x-csrf-token', client.csrf)
          .send({ query: target.op.query, variables: vars });
        const outcome = { label, status: res.status, body: res.body };
        failures.push(...problemsOf(outcome));
        if (target.kind === 'mutation' && !res.body?.errors) {
          accepted.push(label);
          batchAccepted = true;
        }
        if (bad.name === '1mb-string' && !res.body?.errors) failures.push(`${label}: a 1 MB string was accepted`);
      }
      if (!batchAccepted) {
        // Queries that answered write their audit records (an office's reads of a unit's data, sealed
        // just after): those are the log doing its job, not a partial write of a refused mutation.
        const changed = changedTables(before, await tenantChecksum(t.db, world.tenant.id)).filter(
          (table) => !AUDIT_TABLES.has(table),
        );
        if (changed.length)
          failures.push(`batch ${start / BATCH}: every request failed yet ${changed.join(', ')} changed`);
      }
    }
    if (accepted.length && process.env.FUZZ_VERBOSE)
      console.info(`fuzz (seed ${SEED}): mutations that accepted a replaced value:\n${accepted.join('\n')}`);
    expect(failures).toEqual([]);
  });

  describe('POST /files', () => {
    const client = () => world.clients.liaisonB;
    const upload = () => client().agent.post('/files').set('x-csrf-token', client().csrf);
    const fileCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM stored_file`)).rows[0].n as number;
    const outcome = (label: string, res: request.Response): Outcome => ({
      label,
      status: res.status,
      body: res.body && Object.keys(res.body).length ? res.body : safeJson(res.text),
    });
    const PNG = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a3e1a0a10000000049454e44ae426082',
      'hex',
    );

    it('refuses broken uploads with a coded Chinese error and stores nothing', async () => {
      const before = await fileCount();
      const boundary = 'XyZ123';
      const multipart = (parts: Buffer[]) => Buffer.concat(parts);
      const part = (header: Buffer | string, content: Buffer | string) =>
        Buffer.concat([
          Buffer.from(`--${boundary}\r\n`),
          Buffer.from(header),
          Buffer.from('\r\n\r\n'),
          Buffer.from(content),
          Buffer.from('\r\n'),
        ]);
      const end = Buffer.from(`--${boundary}--\r\n`);
      const rawUpload = (body: Buffer, type = `multipart/form-data; boundary=${boundary}`) =>
        upload().set('content-type', type).send(body);
      const cases: [string, () => Promise<request.Response>][] = [
        ['no file', () => upload()],
        ['empty file', () => upload().attach('file', Buffer.alloc(0), 'empty.txt')],
        ['oversized', () => upload().attach('file', Buffer.alloc(t.config.maxUploadBytes + 1, 0x61), 'big.txt')],
        ['wrong field', () => upload().attach('document', Buffer.from('正文'), 'a.txt')],
        [
          'two files',
          () => upload().attach('file', Buffer.from('一'), 'a.txt').attach('file', Buffer.from('二'), 'b.txt'),
        ],
        ['png named pdf', () => upload().attach('file', PNG, '截图.pdf')],
        [
          'html named txt',
          () => upload().attach('file', Buffer.from('<html><script>alert(1)</script></html>\u0000'), 'a.txt'),
        ],
        [
          'exe named pdf',
          () => upload().attach('file', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]), 'report.pdf'),
        ],
        ['invalid utf-8 text', () => upload().attach('file', Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0x41]), 'a.txt')],
        ['no extension', () => upload().attach('file', Buffer.from('文本'), 'README')],
        ['path filename', () => upload().attach('file', Buffer.from('文本'), '../../'.repeat(10))],
        ['long filename', () => upload().attach('file', Buffer.from('文本'), `${'长'.repeat(300)}.txt`)],
        [
          'invalid utf-8 filename',
          () =>
            rawUpload(
              multipart([
                part(
                  Buffer.concat([
                    Buffer.from('Content-Disposition: form-data; name="file"; filename="'),
                    Buffer.from([0xff, 0xfe, 0x80]),
                    Buffer.from('"'),
                  ]),
                  Buffer.alloc(0),
                ),
                end,
              ]),
            ),
        ],
        ['no boundary', () => upload().set('content-type', 'multipart/form-data').send(Buffer.from('garbage'))],
        [
          'wrong boundary',
          () =>
            rawUpload(
              multipart([part('Content-Disposition: form-data; name="file"; filename="a.txt"', '正文'), end]),
              'multipart/form-data; boundary=other',
            ),
        ],
        [
          'unterminated',
          () =>
            rawUpload(
              Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nabc`),
            ),
        ],
        ['json body', () => upload().set('content-type', 'application/json').send('{"file":"x"}')],
        ['no csrf', () => client().agent.post('/files').attach('file', Buffer.from('正文'), 'a.txt')],
        [
          'leadership',
          () =>
            world.clients.leadership.agent
              .post('/files')
              .set('x-csrf-token', world.clients.leadership.csrf)
              .attach('file', Buffer.from('正文'), 'a.txt'),
        ],
        ['signed out', () => t.http.post('/files').attach('file', Buffer.from('正文'), 'a.txt')],
      ];
      const failures: string[] = [];
      for (const [label, send] of cases) {
        const res = await send();
        if (res.status < 400) failures.push(`${label}: accepted (${res.status})`);
        failures.push(...problemsOf(outcome(label, res)));
      }
      expect(failures).toEqual([]);
      expect(await fileCount()).toBe(before);
      await t.http.get('/healthz').expect(200);
    });

    it('survives random bytes under random names', async () => {
      const failures: string[] = [];
      const names = ['a.txt', 'b.pdf', 'c.png', 'd.docx', 'e.xlsx', 'f', '.txt', 'g.TXT', 'h.csv'];
      for (let i = 0; i < 60; i++) {
        const size = rnd.pick([1, 7, 100, 4096, 70_000]);
        const bytes = Buffer.from(Array.from({ length: size }, () => rnd.int(256)));
        const res = await upload().attach('file', bytes, rnd.pick(names));
        failures.push(...problemsOf(outcome(`random ${i}`, res)));
      }
      expect(failures).toEqual([]);
    });
  });
});
