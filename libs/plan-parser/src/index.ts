export { parsePlan } from './parse-plan.js';
export { readDocument, extractDocument, type ExtractedDocument, type ReadOptions } from './read-document.js';
export { ocrAvailable, type OcrLimits } from './ocr.js';
export { decodeText } from './decode.js';
export { DocumentReadError, type DocumentReadErrorCode } from './errors.js';
export { checkZip, type ZipLimits } from './zip-entries.js';
export { resolveUnits } from './resolve-units.js';
export type {
  UnitDirectory,
  DirectoryUnit,
  DirectoryGroup,
  UnitResolution,
  ResolvedName,
  UnresolvedName,
} from './resolve-units.js';
export type { ParsedPlan, ParsedItem, ParsedSection, Deadline, ParseOptions, ImpliedUnit } from './types.js';
export {
  proposeUpperLinks,
  linkText,
  type LinkCandidate,
  type LinkProposal,
  type ProposeOptions,
} from './link-proposals.js';
