import { gzipSync } from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { type AnswerEncodings, compressedAnswers } from '../common/compressed-answers.js';
import { Factory, type Client, type TestTenant } from '../../test/factory.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';

// Kept (modules/answer-cache) and long enough to be compressed: each task's key point title is long.
const OWN_TASKS = `query { myTasks(first: 50) { totalCount nodes { id status progress dueDate keyPoint { id title } unit { id name } } } }`;
const COUNT = `query { unsignedTaskCount }`;

/** superagent decodes what it receives: the bytes as sent are the Content-Length. */
const sent = (res: request.Response) => Number(res.headers['content-length']);

describe('GraphQL answers, compressed as the client accepts', () => {
  let t: TestApp;
  let liaison: Client;
  let tenant: TestTenant;
  beforeAll(async () => {
    t = await createTestApp();
    const f = new Factory(t);
    tenant = await f.tenant();
    const unit = await f.unit(tenant, '市发展和改革委员会');
    await f.tasks(tenant, [unit], 30, { year: 2026 });
    liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
  });
  afterAll(async () => {
    await t?.close();
  });

  const ask = (query: string, acceptEncoding: string) =>
    liaison.agent.post('/graphql').set('Accept-Encoding', acceptEncoding).send({ query });

  it('sends brotli to a browser that takes it, gzip to one that takes only gzip, the plain JSON otherwise, the same answer each time', async () => {
    const plain = await ask(OWN_TASKS, 'identity');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.data.myTasks.totalCount).toBeGreaterThan(0);
    const br = await ask(OWN_TASKS, 'gzip, deflate, br, zstd');
    expect(br.headers['content-encoding']).toBe('br');
    const gz = await ask(OWN_TASKS, 'gzip, deflate');
    expect(gz.headers['content-encoding']).toBe('gzip');
    const refused = await ask(OWN_TASKS, 'br;q=0, gzip');
    expect(refused.headers['content-encoding']).toBe('gzip');
    for (const res of [br, gz, refused]) {
      expect(res.body).toEqual(plain.body);
      expect(res.headers['content-type']).toMatch(/json/);
      expect(res.headers.vary).toMatch(/Accept-Encoding/);
      expect(sent(res)).toBeLessThan(sent(plain) / 3);
    }
  });

  it('sends a short answer as it is', async () => {
    const count = await ask(COUNT, 'br');
    expect(count.headers['content-encoding']).toBeUndefined();
    expect(typeof count.body.data.unsignedTaskCount).toBe('number');
  });

  it('sends the same bytes for a kept answer read again, under either encoding', async () => {
    const first = await ask(OWN_TASKS, 'br');
    const again = await ask(OWN_TASKS, 'br');
    expect(again.headers['content-encoding']).toBe('br');
    expect(sent(again)).toBe(sent(first));
    expect(again.body).toEqual(first.body);
    const gz = await ask(OWN_TASKS, 'gzip');
    expect(gz.body).toEqual(first.body);
  });
});

/** The middleware on its own, in a real Express app, with an answer it holds the compressed forms of. */
describe('compressed answers: a kept answer is compressed once per encoding', () => {
  const json = JSON.stringify({ data: { title: '督办'.repeat(2000) } }) + '\n';
  let held: AnswerEncodings;
  const app = express();
  app.post('/graphql', compressedAnswers, (req, res) => {
    (req as { answerEncodings?: AnswerEncodings }).answerEncodings = held;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.send(json);
  });

  it('keeps the bytes it made for the answer and sends them again instead of compressing anew', async () => {
    held = { json };
    const first = await request(app).post('/graphql').set('Accept-Encoding', 'br');
    expect(first.headers['content-encoding']).toBe('br');
    expect(first.text).toBe(json);
    expect((await held.br)?.length).toBe(sent(first));
    expect(held.gzip).toBeUndefined();
    // What is held is what goes: a marker in place of the bytes comes out as sent.
    held.gzip = Promise.resolve(gzipSync('{"held":true}'));
    const again = await request(app).post('/graphql').set('Accept-Encoding', 'gzip');
    expect(again.text).toBe('{"held":true}');
  });

  it('sends a plain answer as its UTF-8 bytes with their length and no ETag, made once for a kept answer', async () => {
    held = { json };
    const first = await request(app).post('/graphql').set('Accept-Encoding', 'identity');
    expect(first.headers['content-encoding']).toBeUndefined();
    expect(first.text).toBe(json);
    // Bytes, not characters: 督办 is 6 bytes of UTF-8 in 2 characters.
    expect(sent(first)).toBe(Buffer.byteLength(json));
    expect(first.headers.etag).toBeUndefined();
    expect(held.identity?.toString('utf8')).toBe(json);
    // What is held is what goes.
    held.identity = Buffer.from('{"held":"plain"}');
    const again = await request(app).post('/graphql').set('Accept-Encoding', 'identity');
    expect(again.text).toBe('{"held":"plain"}');
  });

  it('compresses afresh an answer that is not the held one', async () => {
    held = { json: 'another answer' };
    const res = await request(app).post('/graphql').set('Accept-Encoding', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.text).toBe(json);
    expect(held.gzip).toBeUndefined();
  });
});
