import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { badInput } from '../../common/app-error.js';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { Clock } from '../../common/clock.js';
import { sendDownload } from '../../common/download.js';
import type { Viewer } from '../../common/viewer.js';
import { TASK_STATUSES, WARNING_LIGHTS, type TaskStatus, type WarningLightValue } from '../../common/enums.js';
import { UNIT_KINDS, type UnitKind } from '../unit/index.js';
import { HttpJsonErrorFilter } from '../../common/http-json-error.filter.js';
import { ReviewSummaryService } from '../review/index.js';
import { SupervisionNoticeService } from '../supervision/index.js';
import { AUDITOR_ROLES } from '../audit/index.js';
import { ASSESSOR_VIEW_ROLES } from '../assessment/index.js';
import { AssessmentExportService } from './assessment-export.service.js';
import { AnnualReportSectionService } from './annual-report-section.service.js';
import { AuditLogExportService } from './audit-log-export.service.js';
import { LedgerExportService } from './ledger-export.service.js';
import { LowerCoverageExportService } from './lower-coverage-export.service.js';
import { ScorecardExportService } from './scorecard-export.service.js';
import { TongbaoService } from './tongbao.service.js';

type QueryValue = string | string[] | undefined;

/** A single query-string value (a repeated parameter is bad input, not an array to guess from). */
function single(value: QueryValue, field: string): string | undefined {
  if (Array.isArray(value)) throw badInput('参数重复', field);
  return value === '' ? undefined : value;
}

function yearArg(value: QueryValue): number | null {
  const v = single(value, 'year');
  if (v === undefined) return null;
  if (!/^\d{4}$/.test(v)) throw badInput('年度应为四位数字', 'year');
  return Number(v);
}

function listArg<T extends string>(value: QueryValue, allowed: readonly T[], field: string): T[] | null {
  const v = single(value, field);
  if (v === undefined) return null;
  const list = v.split(',');
  if (!list.every((x) => (allowed as readonly string[]).includes(x))) throw badInput('筛选条件无效', field);
  return list as T[];
}

function required(value: QueryValue, field: string, message: string): string {
  const v = single(value, field);
  if (!v) throw badInput(message, field);
  return v;
}

/**
 * The documents the office hands on, as downloads under /exports (binary files travel better over plain
 * HTTP than GraphQL). Each feature builds its own document; this is the one controller that serves them.
 */
@Controller('exports')
@UseFilters(HttpJsonErrorFilter)
export class ExportController {
  constructor(
    private readonly ledgers: LedgerExportService,
    private readonly scorecards: ScorecardExportService,
    private readonly tongbao: TongbaoService,
    private readonly annualReport: AnnualReportSectionService,
    private readonly reviewSummaries: ReviewSummaryService,
    private readonly supervisionNotices: SupervisionNoticeService,
    private readonly lowerCoverage: LowerCoverageExportService,
    private readonly auditLog: AuditLogExportService,
    private readonly assessment: AssessmentExportService,
    private readonly clock: Clock,
  ) {}

  /** 台账: ?planId=…[&sectionId&unitId&status=A,B&light=RED,YELLOW&text]; unit users get their own unit's tasks. */
  @Get('ledger.xlsx')
  async ledger(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const file = await this.ledgers.ledger(viewer, required(q.planId, 'planId', '请选择工作要点'), {
      sectionId: single(q.sectionId, 'sectionId'),
      unitId: single(q.unitId, 'unitId'),
      status: listArg<TaskStatus>(q.status, TASK_STATUSES, 'status'),
      light: listArg<WarningLightValue>(q.light, WARNING_LIGHTS, 'light'),
      text: single(q.text, 'text'),
    });
    return sendDownload(res, file);
  }

  @Get('scorecard.xlsx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  async scorecard(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const unitKind = single(q.unitKind, 'unitKind');
    if (unitKind && !(UNIT_KINDS as readonly string[]).includes(unitKind)) throw badInput('单位类型无效', 'unitKind');
    const file = await this.scorecards.workbook(viewer, {
      planId: single(q.planId, 'planId'),
      year: yearArg(q.year),
      unitKind: (unitKind as UnitKind) ?? null,
    });
    return sendDownload(res, file);
  }

  /** 下级落实 (上下联动): coverage matrix, gaps and roll-up of this tenant's key points of ?year=… (default: the latest) across its lower tenants. */
  @Get('lower-coverage.xlsx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  async lowerCoverageWorkbook(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendDownload(res, await this.lowerCoverage.workbook(viewer, yearArg(q.year)));
  }

  /** 下级落实 通报 draft (上下联动): which lower offices took up which key points of ?year=…, the gaps, overdue tasks. */
  @Get('lower-tongbao.docx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  async lowerTongbao(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendDownload(res, await this.lowerCoverage.tongbao(viewer, yearArg(q.year)));
  }

  /** 安全审计记录 (auditor): ?actorId&action&entityType&entityId&result&from&to (ISO instants), as the page filters. */
  @Get('audit-log.xlsx')
  @Roles(...AUDITOR_ROLES)
  async auditLogWorkbook(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const instant = (field: string) => {
      const v = single(q[field], field);
      if (v === undefined) return null;
      const at = new Date(v);
      if (Number.isNaN(at.getTime())) throw badInput('时间格式不正确', field);
      return at;
    };
    const filter = {
      actorId: single(q.actorId, 'actorId'),
      action: single(q.action, 'action'),
      entityType: single(q.entityType, 'entityType'),
      entityId: single(q.entityId, 'entityId'),
      result: single(q.result, 'result'),
      from: instant('from'),
      to: instant('to'),
    };
    return sendDownload(res, await this.auditLog.workbook(viewer, filter));
  }

  /** 等保测评视图 (security admin): every control as the tenant has it now, for the assessor's file. */
  @Get('assessment.xlsx')
  @Roles(...ASSESSOR_VIEW_ROLES)
  async assessmentWorkbook(@CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) res: Response) {
    return sendDownload(res, await this.assessment.workbook(viewer));
  }

  /** 通报 draft for a plan. */
  @Get('tongbao.docx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  async tongbaoDraft(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendDownload(res, await this.tongbao.draft(viewer, required(q.planId, 'planId', '请选择工作要点')));
  }

  /** The annual report's key-points section: ?year=…[&section=七] (its number in the report). */
  @Get('annual-report-section.docx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  async annualReportSection(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    const year = yearArg(q.year);
    if (year === null) throw badInput('请选择年度', 'year');
    return sendDownload(res, await this.annualReport.section(viewer, year, single(q.section, 'section') ?? 'X'));
  }

  /** The 回头看 report leadership reads: ?reviewId=… */
  @Get('review-summary.docx')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  async reviewSummary(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendDownload(
      res,
      await this.reviewSummaries.document(viewer, single(q.reviewId, 'reviewId') ?? '', this.clock.now()),
    );
  }

  /** A 督办通知单: ?id=… ; the office, or the unit it is addressed to (checked by the notice service). */
  @Get('supervision-notice.docx')
  async supervisionNotice(
    @CurrentViewer() viewer: Viewer,
    @Query() q: Record<string, QueryValue>,
    @Res({ passthrough: true }) res: Response,
  ) {
    return sendDownload(res, await this.supervisionNotices.document(viewer, single(q.id, 'id') ?? ''));
  }
}
