import { Controller, Get, Query, Res, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer } from '../../common/auth.decorators.js';
import { HttpJsonErrorFilter } from '../../common/http-json-error.filter.js';
import type { Viewer } from '../../common/viewer.js';
import { attachment } from '../export/index.js';
import { supervisionNoticeDocx } from './supervision-notice-docx.js';
import { SupervisionNoticeService } from './supervision-notice.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

@Controller('exports')
@UseFilters(HttpJsonErrorFilter)
export class SupervisionNoticeController {
  constructor(private readonly notices: SupervisionNoticeService) {}

  /** GET /exports/supervision-notice.docx?id=… : to print or send as a file (the office, or the unit addressed). */
  @Get('supervision-notice.docx')
  async notice(@CurrentViewer() viewer: Viewer, @Query('id') id: string | undefined, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const notice = await this.notices.get(viewer, id ?? '');
    const bytes = await supervisionNoticeDocx(notice, notice.tenantName);
    res.setHeader('Content-Type', DOCX);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', attachment(`督办通知单${notice.numberText}（${notice.unitName}）.docx`));
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes);
  }
}
