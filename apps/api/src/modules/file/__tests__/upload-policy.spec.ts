import { cleanFilename, sniffUpload } from '../upload-policy.js';
import { docx, ELF, HTML, PDF, PNG } from './test-files.js';

const code = async (run: () => Promise<unknown> | unknown) => {
  try {
    await run();
  } catch (err) {
    return {
      code: (err as { extensions: { code: string; field?: string } }).extensions.code,
      field: (err as { extensions: { field?: string } }).extensions.field,
    };
  }
  return null;
};

describe('sniffUpload', () => {
  it('returns the type found in the bytes when the extension agrees, whatever its case', async () => {
    expect(await sniffUpload(PDF, 'a.PDF')).toBe('application/pdf');
    expect(await sniffUpload(PNG, '截图.png')).toBe('image/png');
    expect(await sniffUpload(await docx(), 'x.docx')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(await sniffUpload(Buffer.from('政务公开'), 'a.txt')).toBe('text/plain; charset=utf-8');
  });

  it('tells old Word from old Excel by the name, both being OLE containers', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await sniffUpload(ole, 'a.doc')).toBe('application/msword');
    expect(await sniffUpload(ole, 'a.xls')).toBe('application/vnd.ms-excel');
    expect(await code(() => sniffUpload(ole, 'a.pdf'))).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
  });

  it('refuses executables, renamed pages, empty files and unknown binaries', async () => {
    for (const [bytes, name] of [
      [ELF, 'a.pdf'],
      [ELF, 'a.txt'],
      [HTML, 'a.pdf'],
      [Buffer.alloc(0), 'a.txt'],
      [Buffer.from([1, 0, 2]), 'a.txt'],
    ] as const) {
      expect(await code(() => sniffUpload(bytes, name))).toEqual({ code: 'BAD_USER_INPUT', field: 'file' });
    }
  });
});

describe('cleanFilename', () => {
  it('keeps the last path segment without control characters', () => {
    expect(cleanFilename('C:\\Users\\x\\报告.pdf')).toBe('报告.pdf');
    expect(cleanFilename('../../etc/pa\u0000ss.txt')).toBe('pass.txt');
  });

  it('refuses empty and overlong names', async () => {
    expect(await code(() => cleanFilename('  '))).toEqual({ code: 'BAD_USER_INPUT', field: 'filename' });
    expect(await code(() => cleanFilename(`${'名'.repeat(201)}.pdf`))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filename',
    });
  });
});
