/**
 * One plan of a document, as POST /imports/plan/choices lists them; a notice may issue several
 * (e.g. 政务管理服务工作要点 and 政务公开工作要点).
 */
export interface PlanImportChoiceModel {
  /** Its place in the document, 0-based: pass it as the upload's `planIndex`. */
  index: number;
  title: string | null;
  year: number | null;
  /** Key points found. */
  keyPoints: number;
  /** Units its key points have from a clause written once for many (impliedUnits). */
  impliedUnits: number;
}
