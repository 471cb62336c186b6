import { DownloadError, exportHref, fetchDownload, filenameFromDisposition } from './download';

describe('exports download', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('builds export URLs without empty parameters', () => {
    expect(exportHref('scorecard.xlsx', { planId: undefined, year: 2026, unitKind: '' })).toBe(
      '/exports/scorecard.xlsx?year=2026',
    );
    expect(exportHref('tongbao.docx', { planId: 'p 1' })).toBe('/exports/tongbao.docx?planId=p+1');
  });

  it('reads the UTF-8 file name of Content-Disposition', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="___.docx"; filename*=UTF-8''${encodeURIComponent('通报（草稿）.docx')}`,
      ),
    ).toBe('通报（草稿）.docx');
    expect(filenameFromDisposition('attachment; filename="ledger.xlsx"')).toBe('ledger.xlsx');
    expect(filenameFromDisposition(null)).toBeNull();
  });

  it('returns the file when the server sends one', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
            headers: {
              'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
              'content-disposition': "attachment; filename*=UTF-8''%E9%80%9A%E6%8A%A5.docx",
            },
          }),
      ),
    );
    const file = await fetchDownload('/exports/tongbao.docx?planId=1', 'x.docx');
    expect(file.filename).toBe('通报.docx');
    expect(file.blob.size).toBe(4);
  });

  it('turns a JSON refusal into its Chinese message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify({ code: 'BAD_USER_INPUT', message: '请选择工作要点' }), {
            status: 400,
            headers: { 'content-type': 'application/json' },
          }),
      ),
    );
    await expect(fetchDownload('/exports/tongbao.docx', 'x.docx')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      message: '请选择工作要点',
      status: 400,
    });
  });

  it('falls back to a Chinese message by status, and reports network failures', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('<html>', { status: 403, headers: { 'content-type': 'text/html' } })),
    );
    await expect(fetchDownload('/exports/a.docx', 'a.docx')).rejects.toMatchObject({ message: '没有权限导出该文件' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const error = await fetchDownload('/exports/a.docx', 'a.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).message).toBe('无法连接服务器，请检查网络后重试');
  });
});
