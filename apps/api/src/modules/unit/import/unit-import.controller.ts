import { Body, Controller, HttpCode, Post, UploadedFile } from '@nestjs/common';
import { badInput } from '../../../common/app-error.js';
import { CurrentViewer, Roles } from '../../../common/auth.decorators.js';
import { formFlag, MultipartUpload, type MultipartFile } from '../../../common/multipart-upload.js';
import type { Viewer } from '../../../common/viewer.js';
import type { UnitImportResultModel } from '../dto/import-units-result.model.js';
import { UnitImportService } from './unit-import.service.js';
import { MAX_IMPORT_BYTES } from './unit-sheet.reader.js';

/**
 * Bulk import of the unit directory: an .xlsx/.csv/.txt in field `file`, `dryRun` true (check only, the
 * default) or false, and `deactivateMissing` true to also 停用 the active units the file does not name.
 */
@Controller('imports')
export class UnitImportController {
  constructor(private readonly importer: UnitImportService) {}

  @Post('units')
  @HttpCode(200)
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @MultipartUpload({ maxBytes: MAX_IMPORT_BYTES, fields: 3, fieldBytes: 16 })
  importUnits(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: MultipartFile | undefined,
    @Body() body: { dryRun?: string; deactivateMissing?: string },
  ): Promise<UnitImportResultModel> {
    if (!file) throw badInput('请选择 .xlsx、.csv 或 Unicode 文本（.txt）文件', 'file');
    return this.importer.import(viewer, {
      filename: file.originalname,
      bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength),
      dryRun: formFlag(body.dryRun, 'dryRun', true),
      deactivateMissing: formFlag(body.deactivateMissing, 'deactivateMissing', false),
    });
  }
}
