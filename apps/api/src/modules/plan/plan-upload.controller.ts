import { Body, Controller, Headers, HttpCode, Post, UploadedFile } from '@nestjs/common';
import { IDEMPOTENCY_HEADER } from '../../common/idempotency.js';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { badInput } from '../../common/app-error.js';
import { MultipartUpload, type MultipartFile } from '../../common/multipart-upload.js';
import type { Viewer } from '../../common/viewer.js';
import type { PlanImportChoiceModel } from './dto/plan-import-choice.model.js';
import { MAX_DOCUMENT_BYTES, MAX_PASTED_CHARS, PlanImportService, type PlanSource } from './plan-import.service.js';

interface PlanForm {
  text?: string;
  year?: string;
  planIndex?: string;
  allowDuplicate?: string;
}

// Pasted Chinese text is up to three UTF-8 bytes a character.
const PLAN_UPLOAD = { maxBytes: MAX_DOCUMENT_BYTES, fields: 5, fieldBytes: MAX_PASTED_CHARS * 3 };

/** An optional whole-number form field. */
function formInt(value: string | undefined, field: string, message: string): number | null {
  if (!value?.trim()) return null;
  const n = Number(value);
  if (!Number.isInteger(n)) throw badInput(message, field);
  return n;
}

function planSource(file: MultipartFile | undefined, body: PlanForm): PlanSource {
  return {
    bytes: file ? new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength) : null,
    filename: file?.originalname ?? null,
    text: file ? null : (body.text ?? null),
    year: formInt(body.year, 'year', '年度应为整数'),
    planIndex: formInt(body.planIndex, 'planIndex', '所选计划有误，请重新选择'),
    allowDuplicate: body.allowDuplicate === 'true',
  };
}

/**
 * The import wizard's first step: a .docx/.pdf/.txt (field `file`) or pasted text (field `text`), an
 * optional `year`, `planIndex` to pick one plan of a notice that issues several, and `allowDuplicate`
 * (`true`) to import a document imported before all the same (refused with CONFLICT otherwise).
 */
@Controller('imports')
@Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
export class PlanUploadController {
  constructor(private readonly importer: PlanImportService) {}

  @Post('plan')
  @MultipartUpload(PLAN_UPLOAD)
  async importPlan(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: MultipartFile | undefined,
    @Body() body: PlanForm,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey?: string,
  ) {
    const plan = await this.importer.importPlan(viewer, planSource(file, body), idempotencyKey);
    return { id: plan.id, title: plan.title, year: plan.year };
  }

  /** The plans the document holds, without importing (a notice may issue several). */
  @Post('plan/choices')
  @HttpCode(200)
  @MultipartUpload(PLAN_UPLOAD)
  async choices(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: MultipartFile | undefined,
    @Body() body: PlanForm,
  ) {
    const choices: PlanImportChoiceModel[] = await this.importer.choices(viewer, planSource(file, body));
    return { choices };
  }
}
