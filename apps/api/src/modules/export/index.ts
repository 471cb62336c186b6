// What other modules may use from the export feature: the official-document building blocks
// (e.g. for the 回头看 summary .docx) and the attachment header.
export { body, centred, chineseDate, chineseNumber, flushLeft, heading, packDocument, signature, simpleTable, textDate, title } from './official-document.js';
export { attachment } from './content-disposition.js';
