import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { AuditService } from '../audit/index.js';
import type { PublicPagePlanModel } from './dto/public-page-plan.model.js';

const COLUMNS = `p.id, p.year, p.title, p.public_page, p.version, p.status, t.code,
  (SELECT count(*) FROM plan o WHERE o.tenant_id = p.tenant_id AND o.year = p.year AND o.status <> 'DRAFT') AS same_year`;

/** A row of COLUMNS: the plan, its tenant's code, and how many published plans share its year (bigint, as text). */
interface PublicPagePlanRow {
  id: string;
  year: number;
  title: string;
  public_page: boolean;
  version: number;
  status: string;
  code: string;
  same_year: string;
}

const toModel = (r: PublicPagePlanRow): PublicPagePlanModel => ({
  id: r.id,
  year: r.year,
  title: r.title,
  publicPage: r.public_page,
  // A year names the plan only while it is the year's one plan.
  path: `/gk/${r.code}/${Number(r.same_year) > 1 ? r.id : r.year}`,
  version: r.version,
});

/** The office's side of the public page: which published plans are public, and turning one on or off. */
@Injectable()
export class PublicPageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async plans(viewer: Viewer): Promise<PublicPagePlanModel[]> {
    const found = await rows<PublicPagePlanRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM plan p JOIN tenant t ON t.id = p.tenant_id
        WHERE p.tenant_id = $1 AND p.status <> 'DRAFT' ORDER BY p.year DESC, p.published_at DESC NULLS LAST, p.id`,
      [viewer.tenantId],
    );
    return found.map(toModel);
  }

  async setPublicPage(viewer: Viewer, planId: string, enabled: boolean, version: number): Promise<PublicPagePlanModel> {
    return this.dataSource.transaction(async (m) => {
      const before = await one<Pick<PublicPagePlanRow, 'status' | 'public_page' | 'version'>>(
        m,
        `SELECT status, public_page, version FROM plan WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
        [viewer.tenantId, planId],
      );
      if (!before) throw notFound('工作要点');
      if (before.status === 'DRAFT') throw badInput('草稿不能公开：请先发布工作要点', 'planId');
      if (before.version !== version) throw conflict('工作要点已被他人修改，请刷新后重试');
      await m.query(
        `UPDATE plan SET public_page = $3, version = version + 1, updated_at = now() WHERE tenant_id = $1 AND id = $2`,
        [viewer.tenantId, planId, enabled],
      );
      await this.audit.record(m, viewer, {
        entityType: 'plan',
        entityId: planId,
        action: enabled ? 'publicPage.on' : 'publicPage.off',
        before: { publicPage: before.public_page },
        after: { publicPage: enabled },
      });
      const after = await one<PublicPagePlanRow>(
        m,
        `SELECT ${COLUMNS} FROM plan p JOIN tenant t ON t.id = p.tenant_id WHERE p.tenant_id = $1 AND p.id = $2`,
        [viewer.tenantId, planId],
      );
      return toModel(after!);
    });
  }
}
