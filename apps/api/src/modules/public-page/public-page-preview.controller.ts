import { Controller, Get, Param, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { notFound } from '../../common/app-error.js';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { HttpJsonErrorFilter } from '../../common/http-json-error.filter.js';
import type { Viewer } from '../../common/viewer.js';
import { pageHeaders } from './public-page.controller.js';
import { NO_FILTERS, planPage } from './public-page-html.js';
import { PublicSnapshotService } from './public-snapshot.service.js';

/**
 * The office's preview: exactly the page the public gets (the same snapshot and renderer), also while
 * the page is off, for the signed-in office only, framed only by the web app itself.
 */
@Controller('gk-preview')
@UseFilters(HttpJsonErrorFilter)
export class PublicPagePreviewController {
  constructor(private readonly snapshots: PublicSnapshotService) {}

  @Get(':planId')
  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  async preview(@CurrentViewer() viewer: Viewer, @Param('planId') planId: string, @Res() res: Response) {
    pageHeaders(res, 'self');
    res.setHeader('Cache-Control', 'private, no-store');
    const tenant = await this.snapshots.tenantById(viewer.tenantId);
    // plan() takes a year too; the preview names a plan by id only.
    const plan = tenant && !/^\d{4}$/.test(planId) ? await this.snapshots.plan(tenant, planId, false) : null;
    if (!tenant || !plan) throw notFound('已发布的工作要点');
    const base = `/gk/${tenant.code}/${plan.id}`;
    const banner = `<p role="note" style="border:2px solid #7a4a00;background:#fef7e0;padding:8px">预览：${
      plan.publicPage ? '公众现在看到的就是此页面。' : '此页面尚未公开，公众打开地址会看到“页面不存在”。'
    }</p>`;
    res
      .status(200)
      .type('text/html; charset=utf-8')
      .send(
        planPage((await this.snapshots.snapshot(tenant, plan)).progress, base, NO_FILTERS, {
          banner,
          absoluteLinks: true,
        }),
      );
  }
}
