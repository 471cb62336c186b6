import { Controller, Get, Res, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { HttpJsonErrorFilter } from '../../common/http-json-error.filter.js';
import type { Viewer } from '../../common/viewer.js';
import { directoryTemplate, directoryWorkbook } from '../unit/import/unit-workbook.js';
import { UnitService } from '../unit/unit.service.js';
import { attachment } from './content-disposition.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The directory as a sheet (to edit and import back next year) and the empty template. */
@Controller('units')
@UseFilters(HttpJsonErrorFilter)
export class DirectoryExportController {
  constructor(private readonly units: UnitService) {}

  @Get('export.xlsx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  async export(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.send(res, '单位名录.xlsx', await directoryWorkbook(await this.units.listWithPeople(viewer)));
  }

  @Get('template.xlsx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  async template(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return this.send(res, '单位名录导入模板.xlsx', await directoryTemplate());
  }

  private send(res: Response, filename: string, bytes: Buffer): StreamableFile {
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', attachment(filename));
    return new StreamableFile(bytes);
  }
}
