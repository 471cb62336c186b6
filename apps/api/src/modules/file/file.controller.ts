import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { MultipartUpload, type MultipartFile } from '../../common/multipart-upload.js';
import { UploadErrorFilter } from '../../common/upload-error.filter.js';
import type { Viewer } from '../../common/viewer.js';
import { FileService, type UploadedFileInfo } from './file.service.js';

/** RFC 5987/6266: a UTF-8 name for browsers plus an ASCII fallback for old clients. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

@Controller('files')
@UseFilters(UploadErrorFilter)
export class FileController {
  constructor(private readonly files: FileService) {}

  /** multipart/form-data with one `file` field; size limit and type checks happen before anything is stored. */
  @Post()
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'UNIT_LIAISON', 'UNIT_LEADER')
  @MultipartUpload({ maxBytes: (config) => config.maxUploadBytes })
  upload(@CurrentViewer() viewer: Viewer, @UploadedFile() file: MultipartFile | undefined): Promise<UploadedFileInfo> {
    return this.files.upload(viewer, file?.buffer, file?.originalname);
  }

  /** Served as a download in a sandbox with the sniffed type, so an uploaded file can never run as our page. */
  @Get(':id')
  async download(@CurrentViewer() viewer: Viewer, @Param('id') id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { bytes, meta } = await this.files.download(viewer, id);
    res.setHeader('Content-Type', meta.mimeType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', contentDisposition(meta.filename));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(bytes);
  }
}
