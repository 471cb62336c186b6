import { Controller, Get, Param, Res, StreamableFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { sendDownload } from '../../common/download.js';
import { HttpJsonErrorFilter } from '../../common/http-json-error.filter.js';
import type { Viewer } from '../../common/viewer.js';
import { LowerFileService } from './lower-file.service.js';

@Controller('files/lower')
@UseFilters(HttpJsonErrorFilter)
export class LowerFileController {
  constructor(private readonly files: LowerFileService) {}

  /** A lower office's shared evidence file, served like the app's own files (a sandboxed download). */
  @Get(':lowerTenantId/:fileId')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  async download(
    @CurrentViewer() viewer: Viewer,
    @Param('lowerTenantId') lowerTenantId: string,
    @Param('fileId') fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { bytes, meta } = await this.files.download(viewer, lowerTenantId, fileId);
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    return sendDownload(res, { filename: meta.filename, contentType: meta.mimeType, bytes });
  }
}
