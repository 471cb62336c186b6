import { createHash } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { Factory, type Client, type TestTenant, type TestUnit } from '../../../../test/factory.js';
import { docx, ELF, EXE, HTML, PDF, PNG } from './test-files.js';

const MAX_UPLOAD_BYTES = 4096;
const SUBMIT = `mutation($taskId: ID!, $input: SubmitReportInput!) { submitReport(taskId: $taskId, input: $input) { id } }`;

describe('file upload and download', () => {
  let t: TestApp;
  let f: Factory;
  let tenant: TestTenant;
  let unit: TestUnit;
  let liaison: Client;
  beforeAll(async () => {
    t = await createTestApp({ MAX_UPLOAD_BYTES: String(MAX_UPLOAD_BYTES) });
    f = new Factory(t);
    tenant = await f.tenant();
    unit = await f.unit(tenant, '市司法局');
    liaison = await f.client(tenant, 'UNIT_LIAISON', unit);
  });
  afterAll(() => t.close());

  const upload = (client: Client, bytes: Buffer, filename: string, contentType = 'application/octet-stream') =>
    client.agent.post('/files').set('x-csrf-token', client.csrf).attach('file', bytes, { filename, contentType });
  const storedCount = async () =>
    Number((await t.db.query(`SELECT count(*) FROM stored_file WHERE tenant_id = $1`, [tenant.id])).rows[0].count);

  it.each([
    ['pdf', PDF, '政务公开专栏截图说明.pdf', 'application/pdf'],
    ['png', PNG, 'screenshot.PNG', 'image/png'],
    ['docx', null, '工作总结.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ] as const)('accepts a real %s, storing the type sniffed from its bytes', async (_, given, filename, mimeType) => {
    const bytes = given ?? (await docx());
    // The client's declared type is ignored: the stored one comes from the content.
    const res = await upload(liaison, bytes, filename, 'text/html');
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      filename,
      mimeType,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const { rows } = await t.db.query(
      `SELECT mime_type, content, created_by FROM stored_file WHERE tenant_id = $1 AND id = $2`,
      [tenant.id, res.body.id],
    );
    expect(rows[0].mime_type).toBe(mimeType);
    expect(Buffer.compare(rows[0].content, bytes)).toBe(0);
    expect(rows[0].created_by).toBe(liaison.user.id);
    const audit = await t.db.query(`SELECT action, actor_id FROM audit_log WHERE entity_id = $1`, [res.body.id]);
    expect(audit.rows).toEqual([{ action: 'file.upload', actor_id: liaison.user.id }]);
  });

  it('accepts UTF-8 text as .txt but not binary garbage', async () => {
    const ok = await upload(liaison, Buffer.from('第一季度政务公开工作进展：已完成。\n'), '说明.txt');
    expect(ok.status).toBe(201);
    expect(ok.body.mimeType).toBe('text/plain; charset=utf-8');
    const binary = await upload(liaison, Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00]), 'data.txt');
    expect(binary.status).toBe(400);
    expect(binary.body.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['an ELF executable renamed .pdf', ELF, 'report.pdf'],
    ['a Windows executable renamed .docx', EXE, 'report.docx'],
    ['an HTML page renamed .pdf', HTML, 'report.pdf'],
    ['a PNG named .pdf', PNG, 'report.pdf'],
    ['a PDF without an extension', PDF, 'report'],
  ])('refuses %s with a Chinese message and stores nothing', async (_, bytes, filename) => {
    const before = await storedCount();
    const res = await upload(liaison, bytes, filename);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('BAD_USER_INPUT');
    expect(res.body.message).toMatch(/文件类型|扩展名/);
    expect(await storedCount()).toBe(before);
  });

  it('refuses a file over the configured size with 413 and a Chinese message', async () => {
    const before = await storedCount();
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_UPLOAD_BYTES, 0x20)]);
    const res = await upload(liaison, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'BAD_USER_INPUT', message: '文件过大，不能超过 4 KB' });
    expect(await storedCount()).toBe(before);
  });

  it('requires sign-in, the CSRF header, a role that uploads, and a file', async () => {
    const anonymous = await t.http.post('/files').attach('file', PDF, 'a.pdf');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    const noCsrf = await liaison.agent.post('/files').attach('file', PDF, 'a.pdf');
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.code).toBe('FORBIDDEN');
    const leadership = await f.client(tenant, 'LEADERSHIP');
    const refused = await upload(leadership, PDF, 'a.pdf');
    expect(refused.status).toBe(403);
    const office = await f.client(tenant, 'OFFICE_STAFF');
    expect((await upload(office, PDF, 'a.pdf')).status).toBe(201);
    const empty = await liaison.agent.post('/files').set('x-csrf-token', liaison.csrf).field('note', 'x');
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('BAD_USER_INPUT');
  });

  describe('download', () => {
    it('sends the uploader the bytes as a sandboxed attachment with the sniffed type', async () => {
      const { body } = await upload(liaison, PDF, '2024年 报告(终稿).pdf', 'text/html');
      const res = await liaison.agent
        .get(`/files/${body.id}`)
        .buffer(true)
        .parse((r, cb) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => cb(null, Buffer.concat(chunks)));
        });
      expect(res.status).toBe(200);
      expect(Buffer.compare(res.body, PDF)).toBe(0);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toMatch(/^sandbox/);
      // RFC 6266: an ASCII fallback, then the exact UTF-8 name percent-encoded (parentheses too).
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="2024_ __(__).pdf"; filename*=UTF-8''2024%E5%B9%B4%20%E6%8A%A5%E5%91%8A%28%E7%BB%88%E7%A8%BF%29.pdf`,
      );
    });

    it('is NOT_FOUND for others until a report they can read cites the file', async () => {
      const { body: file } = await upload(liaison, PNG, 'evidence.png');
      const otherUnit = await f.client(tenant, 'UNIT_LIAISON');
      const office = await f.client(tenant, 'OFFICE_STAFF');
      const leadUnit = await f.unit(tenant, '市政务公开办');
      const leadLiaison = await f.client(tenant, 'UNIT_LIAISON', leadUnit);
      const foreign = await f.client(await f.tenant(), 'OFFICE_ADMIN');
      for (const c of [otherUnit, office, leadLiaison, foreign]) {
        const res = await c.agent.get(`/files/${file.id}`);
        expect(res.status).toBe(404);
        expect(res.body).toEqual({ code: 'NOT_FOUND', message: '文件不存在或无权访问' });
      }
      expect((await liaison.agent.get('/files/not-a-uuid')).status).toBe(404);

      const kp = await f.keyPointPlan(tenant);
      await f.keyPointTask(kp, leadUnit, 'LEAD');
      const task = await f.keyPointTask(kp, unit, 'RESPONSIBLE');
      await liaison.ok(SUBMIT, {
        taskId: task.id,
        input: { text: '已在政府网站公开。', progress: 50, fileIds: [file.id] },
      });

      // The office reads every report, the lead unit its co-units' reports; others still get 404.
      expect((await office.agent.get(`/files/${file.id}`)).status).toBe(200);
      expect((await leadLiaison.agent.get(`/files/${file.id}`)).status).toBe(200);
      expect((await otherUnit.agent.get(`/files/${file.id}`)).status).toBe(404);
      expect((await foreign.agent.get(`/files/${file.id}`)).status).toBe(404);
    });
  });
});
