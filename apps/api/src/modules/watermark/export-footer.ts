import type JSZip from 'jszip';
import { DOCX_MIME, XLSX_MIME } from '../../common/download.js';
import { jsZip } from '../../common/heavy-libraries.js';

const xml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Elements a worksheet may hold after <headerFooter> (ECMA-376 CT_Worksheet order): ours goes before the first.
const AFTER_HEADER_FOOTER =
  /<(rowBreaks|colBreaks|customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)[\s>/]|<\/worksheet>/;

/** Puts `text` in the right-hand section of a worksheet's page footer, beside what the footer already says. */
function stampWorksheet(sheet: string, text: string): string {
  // In header/footer codes `&` starts a code, so a literal one is doubled; &R is the right-hand section.
  const section = xml(`&R${text.replace(/&/g, '&&')}`);
  if (/<oddFooter>/.test(sheet)) return sheet.replace(/<\/oddFooter>/, `${section}</oddFooter>`);
  if (/<oddFooter\/>/.test(sheet)) return sheet.replace(/<oddFooter\/>/, `<oddFooter>${section}</oddFooter>`);
  const footer = `<oddFooter>${section}</oddFooter>`;
  if (/<headerFooter[^>]*\/>/.test(sheet))
    return sheet.replace(/<headerFooter([^>]*)\/>/, `<headerFooter$1>${footer}</headerFooter>`);
  if (/<headerFooter[^>]*>/.test(sheet))
    // oddHeader comes before oddFooter; evenHeader and the rest after it.
    return /<\/oddHeader>/.test(sheet)
      ? sheet.replace(/<\/oddHeader>/, `</oddHeader>${footer}`)
      : sheet.replace(/<headerFooter([^>]*)>/, `<headerFooter$1>${footer}`);
  const at = AFTER_HEADER_FOOTER.exec(sheet)!.index;
  return `${sheet.slice(0, at)}<headerFooter>${footer}</headerFooter>${sheet.slice(at)}`;
}

async function stampWorkbook(zip: JSZip, text: string): Promise<void> {
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  for (const name of sheets) zip.file(name, stampWorksheet(await zip.file(name)!.async('string'), text));
}

const FOOTER_PART = 'word/footer-watermark.xml';
const FOOTER_ID = 'rIdDubanWatermark';
const FOOTER_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer';
const FOOTER_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml';

const footerParagraph = (text: string) =>
  `<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:color w:val="808080"/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

async function stampDocument(zip: JSZip, text: string): Promise<void> {
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
  const body = await zip.file('word/document.xml')!.async('string');
  // A document with a footer of its own (page numbers) gets the line under it.
  const existingId = /<w:footerReference [^>]*w:type="default"[^>]*r:id="([^"]+)"/.exec(body)?.[1];
  const existing = existingId && new RegExp(`Id="${existingId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (existing) {
    const part = `word/${existing.replace(/^\//, '').replace(/^word\//, '')}`;
    const footer = await zip.file(part)!.async('string');
    zip.file(part, footer.replace(/<\/w:ftr>/, `${footerParagraph(text)}</w:ftr>`));
    return;
  }
  zip.file(
    FOOTER_PART,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${footerParagraph(text)}</w:ftr>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    rels.replace(
      /<\/Relationships>/,
      `<Relationship Id="${FOOTER_ID}" Type="${FOOTER_TYPE}" Target="footer-watermark.xml"/></Relationships>`,
    ),
  );
  const types = await zip.file('[Content_Types].xml')!.async('string');
  zip.file(
    '[Content_Types].xml',
    types.replace(/<\/Types>/, `<Override PartName="/${FOOTER_PART}" ContentType="${FOOTER_CONTENT_TYPE}"/></Types>`),
  );
  // Every section's properties start with its header and footer references.
  const reference = `<w:footerReference w:type="default" r:id="${FOOTER_ID}"/>`;
  zip.file(
    'word/document.xml',
    body.replace(/<w:sectPr\b([^>]*?)(\/?)>/g, (_, attrs: string, closed: string) =>
      closed ? `<w:sectPr${attrs}>${reference}</w:sectPr>` : `<w:sectPr${attrs}>${reference}`,
    ),
  );
}

/** Whether a download of this type gets the footer (Word and Excel files the API writes). */
export const stampable = (contentType: string) => contentType === XLSX_MIME || contentType === DOCX_MIME;

/**
 * 防泄漏: the watermark line (who exported it, when) in the page footer of a .docx or .xlsx the API
 * made, on every page it prints. Works on the finished file, so every export gets it in one place.
 */
export async function stampFooter(bytes: Buffer, contentType: string, text: string): Promise<Buffer> {
  const zip = await jsZip().loadAsync(bytes);
  if (contentType === XLSX_MIME) await stampWorkbook(zip, text);
  else await stampDocument(zip, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
