import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { extractDocument, readDocument, parsePlan, DocumentReadError } from '../index.js';
import { ocrAvailable } from '../ocr.js';
import { cpuMs, handMadeZip, manyPagePdf } from './fixtures.js';

// Hostile documents: each must end quickly with a clear error (or a bounded result). The bounds, on
// this process's CPU time (see cpuMs), are far above the real cost (milliseconds) and far below what
// the replaced reader took (seconds to minutes), so they only catch a return of super-linear reading.
// OCR runs in child processes, so its time limit is checked on the clock.
const BOUND_MS = 5000;
// OCR is tested where tesseract with chi_sim and pdftoppm are installed (CI installs them).
const HAS_OCR = await ocrAvailable();
if (!HAS_OCR)
  process.stderr.write('scanned PDF: OCR test skipped, tesseract with chi_sim or pdftoppm is not installed\n');

const utf8 = (s: string) => new TextEncoder().encode(s);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const documentXml = (body: string) =>
  utf8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`);

async function timed<T>(work: () => Promise<T>): Promise<{ value?: T; error?: unknown; ms: number; clockMs: number }> {
  const [cpu, clock] = [cpuMs(), performance.now()];
  const spent = () => ({ ms: cpuMs() - cpu, clockMs: performance.now() - clock });
  try {
    const value = await work();
    return { value, ...spent() };
  } catch (error) {
    return { error, ...spent() };
  }
}

describe('hostile .docx', () => {
  it('refuses an entry that states a huge size, before inflating anything', async () => {
    const bomb = handMadeZip([{ name: 'word/document.xml', data: documentXml('<w:p/>'), declaredSize: 3_000_000_000 }]);
    const r = await timed(() => readDocument(bomb, 'bomb.docx'));
    expect(r.error).toBeInstanceOf(DocumentReadError);
    expect(r.error).toMatchObject({ code: 'TOO_LARGE' });
    expect((r.error as Error).message).toMatch(/上限/u);
  });

  it('refuses an archive whose entries add up to too much', async () => {
    const parts = Array.from({ length: 300 }, (_, i) => ({
      name: `word/media/image${i}.png`,
      data: utf8('x'),
      declaredSize: 1_000_000,
    }));
    const bomb = handMadeZip([
      { name: 'word/document.xml', data: documentXml('<w:p><w:r><w:t>一、公开</w:t></w:r></w:p>') },
      ...parts,
    ]);
    await expect(readDocument(bomb, 'many.docx')).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('stops inflating a zip bomb that lies about its size', async () => {
    // 40 MB of one character deflates to about 40 KB; the headers claim 1 KB.
    const payload = new Uint8Array(40 * 1024 * 1024).fill(0x61);
    const bomb = handMadeZip([{ name: 'word/document.xml', data: payload, declaredSize: 1024 }]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const r = await timed(() => readDocument(bomb, 'liar.docx'));
    expect(r.error).toMatchObject({ code: 'TOO_LARGE' });
    expect(r.ms).toBeLessThan(BOUND_MS);
  });

  it('reads 200 KB of unclosed paragraphs in linear time', async () => {
    const body = '<w:p>'.repeat(40_000) + '<w:r><w:t>一、公开</w:t></w:r>';
    const zip = handMadeZip([{ name: 'word/document.xml', data: documentXml(body) }]);
    const r = await timed(() => readDocument(zip, 'open.docx'));
    expect(r.ms).toBeLessThan(BOUND_MS);
    // Paragraphs that never close still give their text.
    expect(r.value?.trim()).toBe('一、公开');
  });

  it('reads 200 KB of runs, comments and entities in linear time', async () => {
    const body = `<w:p><w:r>${'<w:t>公</w:t><!-- x --><w:t>&#24320;&amp;</w:t>'.repeat(5000)}</w:r></w:p>`;
    const zip = handMadeZip([{ name: 'word/document.xml', data: documentXml(body) }]);
    const r = await timed(() => readDocument(zip, 'runs.docx'));
    expect(r.ms).toBeLessThan(BOUND_MS);
    expect(r.value).toBe('公开&'.repeat(5000));
  });

  it('keeps a tag that never closes from buffering without end', async () => {
    const body = `<w:p ${'a="1" '.repeat(40_000)}`;
    const zip = handMadeZip([{ name: 'word/document.xml', data: documentXml(body) }]);
    await expect(readDocument(zip, 'tag.docx')).rejects.toMatchObject({ code: 'CORRUPT_DOCX' });
  });
});

describe('.docx structure', () => {
  async function docx(body: string, numbering?: string, styles?: string): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('word/document.xml', documentXml(body));
    if (numbering) zip.file('word/numbering.xml', numbering);
    if (styles) zip.file('word/styles.xml', styles);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }
  const p = (t: string, pPr = '') =>
    `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
  const tc = (t: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${p(t)}</w:tc>`;

  it('writes table rows as tab-separated cells; a vertically merged cell is empty below its first row', async () => {
    const rows = [
      `<w:tr>${tc('序号')}${tc('工作任务')}${tc('牵头单位')}${tc('完成时限')}</w:tr>`,
      `<w:tr>${tc('1')}${tc('推进规划公开')}${tc('市发展改革委', '<w:vMerge w:val="restart"/>')}${tc('6月底前')}</w:tr>`,
      `<w:tr>${tc('2')}${tc('做好政策解读')}${tc('', '<w:vMerge/>')}${tc('年底前')}</w:tr>`,
    ];
    const text = await readDocument(
      await docx(`${p('某市2022年工作任务分工')}<w:tbl>${rows.join('')}</w:tbl>`),
      'table.docx',
    );
    expect(text.split('\n')).toEqual([
      '某市2022年工作任务分工',
      '序号\t工作任务\t牵头单位\t完成时限',
      '1\t推进规划公开\t市发展改革委\t6月底前',
      '2\t做好政策解读\t\t年底前',
    ]);
  });

  it('restores list numbers given through a paragraph style, and ignores tab stops, deleted text and field codes', async () => {
    const numbering = `<w:numbering ${W}><w:abstractNum w:abstractNumId="3"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:num w:numId="7"><w:abstractNumId w:val="3"/></w:num></w:numbering>`;
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="7"/></w:numPr></w:pPr></w:style><w:style w:styleId="H1x"><w:basedOn w:val="H1"/></w:style></w:styles>`;
    const body = [
      `<w:p><w:pPr><w:pStyle w:val="H1"/><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>加强公开</w:t></w:r><w:r><w:delText>删掉的</w:delText></w:r></w:p>`,
      `<w:p><w:pPr><w:pStyle w:val="H1x"/></w:pPr><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>强化解读</w:t></w:r></w:p>`,
    ].join('');
    expect(await readDocument(await docx(body, numbering, styles), 'styles.docx')).toBe('一、加强公开\n二、强化解读');
  });
});

describe('hostile .pdf', () => {
  it('refuses a 10,000-page PDF before reading its pages', async () => {
    const r = await timed(() => readDocument(manyPagePdf(10_000), 'huge.pdf'));
    expect(r.error).toMatchObject({ code: 'TOO_LARGE' });
    expect((r.error as Error).message).toMatch(/10000 页/u);
    expect(r.ms).toBeLessThan(BOUND_MS * 2);
  });

  it('reads a PDF within the page limit', async () => {
    const text = await readDocument(manyPagePdf(3), 'three.pdf');
    expect(text.split('\n')).toEqual(['page', 'page', 'page']);
  });
});

describe('scanned PDF', () => {
  const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'files');
  const scan = new Uint8Array(readFileSync(path.join(dir, 'scanned-plan.pdf')));

  it('without OCR: refuses with a message in Chinese that says it is a scan', async () => {
    const error = await extractDocument(scan, 'scan.pdf', { ocr: false }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'NO_TEXT_LAYER' });
    expect((error as Error).message).toMatch(/扫描件/u);
  });

  const withOcr = HAS_OCR ? it : it.skip;
  withOcr('with tesseract installed: recognises the scan and says so', async () => {
    const read = await extractDocument(scan, 'scan.pdf');
    expect(read.ocr).toBe(true);
    expect(read.notes.join()).toMatch(/OCR/u);
    const plan = parsePlan(read.text);
    expect(plan.title).toMatch(/政务公开工作要点$/u);
    expect(plan.items.map((i) => i.label)).toEqual(['(一)', '(二)']);
    expect(plan.items[1].responsibleUnits).toEqual(['市政府办公室']);
  });

  withOcr('with a time limit: stops the recognition when it is spent, with a message saying so', async () => {
    const r = await timed(() => extractDocument(scan, 'scan.pdf', { ocrLimits: { totalMs: 500 } }));
    expect(r.error).toMatchObject({ code: 'TOO_LARGE' });
    expect((r.error as Error).message).toMatch(/文字识别超过 1 秒,已中止/u);
    // The recognition took seconds without the limit; its killed process does not hold the call up.
    expect(r.clockMs).toBeLessThan(BOUND_MS);
  });
});
