import { Controller, Get, Res, type StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { sendDownload, XLSX_MIME } from '../../common/download.js';
import { HttpJsonErrorFilter } from '../../common/http-json-error.filter.js';
import type { Viewer } from '../../common/viewer.js';
import { directoryTemplate, directoryWorkbook, UnitService } from '../unit/index.js';

/** The directory as a sheet (to edit and import back next year) and the empty template. */
@Controller('units')
@UseFilters(HttpJsonErrorFilter)
export class DirectoryExportController {
  constructor(private readonly units: UnitService) {}

  @Get('export.xlsx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  async export(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendDownload(res, {
      filename: '单位名录.xlsx',
      contentType: XLSX_MIME,
      bytes: await directoryWorkbook(await this.units.listWithPeople(viewer)),
    });
  }

  @Get('template.xlsx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  async template(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendDownload(res, {
      filename: '单位名录导入模板.xlsx',
      contentType: XLSX_MIME,
      bytes: await directoryTemplate(),
    });
  }
}
