import { Body, Catch, Controller, Get, HttpException, HttpStatus, Param, Post, Query, Req, Res, StreamableFile, UploadedFile, UseFilters, UseGuards, UseInterceptors, type ArgumentsHost } from '@nestjs/common';
import { FileInterceptor, NoFilesInterceptor } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { badInput } from '../../../common/app-error.js';
import { CurrentViewer, Roles } from '../../../common/auth.decorators.js';
import { HttpJsonErrorFilter } from '../../../common/http-json-error.filter.js';
import type { Viewer } from '../../../common/viewer.js';
import { attachment } from '../../export/index.js';
import { UploadCsrfGuard } from '../../file/upload-csrf.guard.js';
import { MAX_IMPORT_BYTES } from '../../unit/import/unit-sheet.reader.js';
import { AccountIssueService, type AccountImportResult } from './account-issue.service.js';
import { accountListWorkbook, noticeDocument, noticeWorkbook } from './account-notices.js';
import { accountTemplate } from './account-template.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Multer's size refusal in the office's words; everything else as the other plain-HTTP endpoints answer. */
@Catch()
class SheetUploadErrorFilter extends HttpJsonErrorFilter {
  override catch(error: unknown, host: ArgumentsHost): void {
    if (error instanceof HttpException && error.getStatus() === HttpStatus.PAYLOAD_TOO_LARGE) {
      return void host.switchToHttp().getResponse<Response>().status(HttpStatus.BAD_REQUEST).json({ code: 'BAD_USER_INPUT', message: `文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, field: 'file' });
    }
    super.catch(error, host);
  }
}

/** Where people sign in: the address the office itself is using (behind a proxy, as forwarded when trusted). */
function signInUrl(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}/login`;
}

/**
 * Bringing people in (office admin): the account sheet's template, its check-first import as a
 * multipart upload (session, role and CSRF checked before the body is read into memory, size capped),
 * and the 开通通知 for the accounts just created.
 */
@Controller('accounts')
@UseFilters(SheetUploadErrorFilter)
export class AccountImportController {
  constructor(private readonly accounts: AccountIssueService) {}

  @Get('template.xlsx')
  @Roles('OFFICE_ADMIN')
  async template(@Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', attachment('账号导入模板.xlsx'));
    return new StreamableFile(await accountTemplate());
  }

  @Get('export.xlsx')
  @Roles('OFFICE_ADMIN')
  async export(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    res.setHeader('Content-Type', XLSX);
    res.setHeader('Content-Disposition', attachment('账号列表.xlsx'));
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(await accountListWorkbook(await this.accounts.listAll(viewer)));
  }

  /** multipart/form-data, one `file` (.xlsx/.csv/.txt); ?dryRun=false writes all rows or none. */
  @Post('import')
  @Roles('OFFICE_ADMIN')
  @UseGuards(UploadCsrfGuard)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 5 }, defParamCharset: 'utf8' }))
  import(
    @CurrentViewer() viewer: Viewer,
    @UploadedFile() file: { originalname: string; buffer: Buffer } | undefined,
    @Query('dryRun') dryRun: string | undefined,
  ): Promise<AccountImportResult> {
    if (!file) throw badInput('请选择要导入的文件', 'file');
    return this.accounts.importSheet(viewer, file.originalname, file.buffer, dryRun !== 'false');
  }

  /** multipart/form-data with an `accounts` field: JSON [{ userId, password }] as the import returned them. */
  @Post('notices.:format')
  @Roles('OFFICE_ADMIN')
  @UseGuards(UploadCsrfGuard)
  @UseInterceptors(NoFilesInterceptor({ limits: { fields: 2, fieldSize: 512 * 1024 } }))
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
    res.setHeader('Content-Type', format === 'xlsx' ? XLSX : DOCX);
    res.setHeader('Content-Disposition', attachment(`账号开通通知.${format}`));
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(bytes);
  }
}
