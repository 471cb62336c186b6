import { Controller, Get, Headers, Param, Post, Res, StreamableFile, UploadedFile, UseFilters } from '@nestjs/common';
import { IDEMPOTENCY_HEADER } from '../../common/idempotency.js';
import type { Response } from 'express';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { sendDownload, StoredFile } from '../../common/download.js';
import { MultipartUpload, type MultipartFile } from '../../common/multipart-upload.js';
import { UploadErrorFilter } from '../../common/upload-error.filter.js';
import type { Viewer } from '../../common/viewer.js';
import { FileService, type UploadedFileInfo } from './file.service.js';

@Controller('files')
@UseFilters(UploadErrorFilter)
export class FileController {
  constructor(private readonly files: FileService) {}

  /** multipart/form-data with one `file` field; size limit and type checks happen before anything is stored. */
  @Post()
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER')
  @MultipartUpload({ maxBytes: (config) => config.maxUploadBytes })
  upload(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: MultipartFile | undefined,
    @Headers(IDEMPOTENCY_HEADER) idempotencyKey?: string,
  ): Promise<UploadedFileInfo> {
    return this.files.upload(viewer, file?.buffer, file?.originalname, idempotencyKey);
  }

  /** Served as a download in a sandbox with the sniffed type, so an uploaded file can never run as our page. */
  @Get(':id')
  @StoredFile()
  async download(
    @CurrentViewer() viewer: Viewer,
    @Param('id') id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { bytes, meta } = await this.files.download(viewer, id);
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    return sendDownload(res, { filename: meta.filename, contentType: meta.mimeType, bytes });
  }
}
