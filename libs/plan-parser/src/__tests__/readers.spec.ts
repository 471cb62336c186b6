import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { readDocument, DocumentReadError, parsePlan } from '../index.js';
import { minimalPdf } from './fixtures.js';

const PLAN =
  '某市2022年政务公开工作要点\n一、加强主动公开\n（一）推进规划公开。6月底前完成。（牵头单位：市发展改革委；责任单位：各县区政府）\n';

async function docx(paragraphs: string[], numbered: string[] = []): Promise<Uint8Array> {
  const zip = new JSZip();
  const p = (t: string, num = false) =>
    `<w:p>${num ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ''}<w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
  zip.file(
    'word/document.xml',
    `<?xml version="1.0"?><w:document xmlns:w="x"><w:body>${paragraphs.map((t) => p(t)).join('')}${numbered.map((t) => p(t, true)).join('')}</w:body></w:document>`,
  );
  zip.file(
    'word/numbering.xml',
    '<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>',
  );
  return zip.generateAsync({ type: 'uint8array' });
}

describe('readDocument', () => {
  it('reads UTF-8 text, with or without BOM', async () => {
    const bytes = new TextEncoder().encode('\ufeff' + PLAN);
    expect(await readDocument(bytes, 'a.txt')).toBe(PLAN);
  });

  it('detects and decodes GB18030 text', async () => {
    const bytes = iconv.encode(PLAN, 'gb18030');
    const text = await readDocument(new Uint8Array(bytes), 'plan.txt');
    expect(text).toBe(PLAN);
    expect(parsePlan(text).items[0].leadUnits).toEqual(['市发展改革委']);
  });

  it('reads a .docx built in memory, restoring Word list numbers', async () => {
    const bytes = await docx(
      ['某市2022年政务公开工作要点', '一、加强主动公开'],
      ['推进规划公开。（各部门落实）', '加强政策解读。年底前完成。'],
    );
    const text = await readDocument(bytes, 'plan.docx');
    expect(text.split('\n')).toEqual([
      '某市2022年政务公开工作要点',
      '一、加强主动公开',
      '（一）推进规划公开。（各部门落实）',
      '（二）加强政策解读。年底前完成。',
    ]);
    const plan = parsePlan(text);
    expect(plan.items.map((i) => i.label)).toEqual(['(一)', '(二)']);
    expect(plan.items[1].deadlines).toEqual([{ text: '年底前', date: '2022-12-31' }]);
  });

  it('reads the text layer of a hand-made PDF', async () => {
    const text = await readDocument(
      minimalPdf(['2022 Plan', '1. Publish plans by 2022.', '2. Explain policies.']),
      'plan.pdf',
    );
    expect(text).toContain('1. Publish plans by 2022.');
    expect(text.split('\n')).toHaveLength(3);
  });

  it.each([
    ['binary garbage', new Uint8Array(Array.from({ length: 512 }, (_, i) => (i * 37) % 256)), 'x.txt', 'BINARY'],
    ['a .pdf that is not a PDF', new TextEncoder().encode('hello'), 'x.pdf', 'CORRUPT_PDF'],
    ['a broken PDF', new TextEncoder().encode('%PDF-1.4 garbage'), 'x.pdf', 'CORRUPT_PDF'],
    ['a broken .docx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'x.docx', 'CORRUPT_DOCX'],
    ['an old .doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'x.doc', 'UNSUPPORTED_FORMAT'],
    ['an empty file', new Uint8Array(), 'x.txt', 'EMPTY'],
  ])('refuses %s with a typed error', async (_label, bytes, name, code) => {
    await expect(readDocument(bytes, name)).rejects.toThrow(DocumentReadError);
    await expect(readDocument(bytes, name)).rejects.toMatchObject({ code });
  });
});
