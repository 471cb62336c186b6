import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Req,
  Res,
  StreamableFile,
  UploadedFile,
  UseFilters,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { badInput } from '../../../common/app-error.js';
import { CurrentViewer, Roles } from '../../../common/auth.decorators.js';
import { DOCX_MIME, sendDownload, XLSX_MIME } from '../../../common/download.js';
import { HttpJsonErrorFilter } from '../../../common/http-json-error.filter.js';
import { formFlag, MultipartUpload, type MultipartFile } from '../../../common/multipart-upload.js';
import type { Viewer } from '../../../common/viewer.js';
import { MAX_IMPORT_BYTES } from '../../unit/index.js';
import { AccountIssueService, type AccountImportResult } from './account-issue.service.js';
import { accountListWorkbook, noticeDocument, noticeWorkbook } from './account-notices.js';
import { accountTemplate } from './account-template.js';

/** Where people sign in: the address the office itself is using (behind a proxy, as forwarded when trusted). */
function signInUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/login`;
}

/**
 * Bringing people in (office admin): the account sheet's template, its check-first import as a
 * multipart upload (session, role and CSRF checked before the body is read into memory, size capped,
 * the sheet read in a worker thread), and the 开通通知 for the accounts just created.
 */
@Controller('accounts')
@UseFilters(HttpJsonErrorFilter)
export class AccountImportController {
  constructor(private readonly accounts: AccountIssueService) {}

  @Get('template.xlsx')
  @Roles('OFFICE_ADMIN')
  async template(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendDownload(res, { filename: '账号导入模板.xlsx', contentType: XLSX_MIME, bytes: await accountTemplate() });
  }

  @Get('export.xlsx')
  @Roles('OFFICE_ADMIN')
  async export(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    return sendDownload(res, {
      filename: '账号列表.xlsx',
      contentType: XLSX_MIME,
      bytes: await accountListWorkbook(await this.accounts.listAll(viewer)),
    });
  }

  /** multipart/form-data, one `file` (.xlsx/.csv/.txt) and `dryRun` (true, the default: check only; false: write all rows or none). */
  @Post('import')
  @HttpCode(200)
  @Roles('OFFICE_ADMIN')
  @MultipartUpload({ maxBytes: MAX_IMPORT_BYTES, fields: 2, fieldBytes: 16 })
  import(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: MultipartFile | undefined,
    @Body() body: { dryRun?: string },
  ): Promise<AccountImportResult> {
    if (!file) throw badInput('请选择要导入的文件', 'file');
    return this.accounts.importSheet(viewer, file.originalname, file.buffer, formFlag(body.dryRun, 'dryRun', true));
  }

  /** multipart/form-data with an `accounts` field: JSON [{ userId, password }] as the import returned them. */
  @Post('notices.:format')
  @Roles('OFFICE_ADMIN')
  @MultipartUpload({ field: null, fields: 2, fieldBytes: 512 * 1024 })
  async notices(
    @CurrentViewer() viewer: Viewer,
    @Param('format') format: string,
    @Body('accounts') raw: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    if (format !== 'xlsx' && format !== 'docx') throw badInput('格式应为 xlsx 或 docx', 'format');
    let accounts: { userId: string; password: string }[];
    try {
      accounts = JSON.parse(raw ?? '');
    } catch {
      throw badInput('账号列表格式错误', 'accounts');
    }
    const people = await this.accounts.noticeRecipients(viewer, accounts);
    const url = signInUrl(req);
    const bytes = format === 'xlsx' ? await noticeWorkbook(people, url) : await noticeDocument(people, url);
    return sendDownload(res, {
      filename: `账号开通通知.${format}`,
      contentType: format === 'xlsx' ? XLSX_MIME : DOCX_MIME,
      bytes,
    });
  }
}
