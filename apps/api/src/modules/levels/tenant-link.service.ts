import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/app-error.js';
import { one, rows } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { runOutsideTenant } from '../../database/tenant-context.js';
import { AuditService } from '../audit/index.js';
import type {
  LinkedTenantModel,
  TenantLinkInviteCreatedModel,
  TenantLinkInviteModel,
  TenantLinksModel,
} from './dto/tenant-links.model.js';
import { acrossTenants } from './across-tenants.js';
import { inviteCodeHash, newInviteCode, normalizeInviteCode } from './invite-code.js';
import { type LinkedTenantRow, type TenantLinkInviteRow, UPPER_CHAIN_CONTAINS_SQL } from './tenant-link.sql.js';
import { UpperPlanPointService } from './upper-plan-point.service.js';

const INVITE_DAYS = 7;
const MAX_OPEN_INVITES = 20;
const INVALID_CODE = '邀请码无效、已使用、已撤销或已过期，请向上级机构核对';

const toInvite = (r: TenantLinkInviteRow): TenantLinkInviteModel => ({
  id: r.id,
  note: r.note,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});
const toLinked = (r: LinkedTenantRow): LinkedTenantModel => ({ id: r.id, name: r.name, linkedAt: r.linked_at });

/**
 * 上下联动: who is whose upper tenant. A tenant sees only its own upper and its own lowers (never a
 * sibling), by name; what an upper office reads of a lower tenant's work goes through read models
 * built for it, never through this link.
 */
@Injectable()
export class TenantLinkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly upperPoints: UpperPlanPointService,
  ) {}

  async links(viewer: Viewer): Promise<TenantLinksModel> {
    // The linked offices' names are other tenants' rows, which row-level security on `tenant` hides
    // inside this tenant's scope: a deliberate read across tenants, each statement naming the viewer's.
    const upper = await runOutsideTenant(() =>
      one<LinkedTenantRow>(
        this.dataSource,
        `SELECT u.id, u.name, t.linked_at FROM tenant t JOIN tenant u ON u.id = t.upper_tenant_id WHERE t.id = $1`,
        [viewer.tenantId],
      ),
    );
    const lowers = await runOutsideTenant(() =>
      rows<LinkedTenantRow>(
        this.dataSource,
        `SELECT id, name, linked_at FROM tenant WHERE upper_tenant_id = $1 ORDER BY name, id`,
        [viewer.tenantId],
      ),
    );
    const invites =
      viewer.role === 'OFFICE_ADMIN'
        ? await rows<TenantLinkInviteRow>(
            this.dataSource,
            `SELECT id, note, created_at, expires_at FROM tenant_link_invite
              WHERE tenant_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now() ORDER BY created_at DESC, id`,
            [viewer.tenantId],
          )
        : [];
    return { upper: upper ? toLinked(upper) : null, lowers: lowers.map(toLinked), invites: invites.map(toInvite) };
  }

  async createInvite(viewer: Viewer, note: string | null | undefined): Promise<TenantLinkInviteCreatedModel> {
    const cleanNote = note?.trim() || null;
    if (cleanNote && [...cleanNote].length > 100) throw badInput('备注不能超过 100 个字', 'note');
    const code = newInviteCode();
    const invite = await this.dataSource.transaction(async (m) => {
      // Serialises a tenant's invitations so the cap below holds under concurrent clicks.
      await m.query(`SELECT id FROM tenant WHERE id = $1 FOR UPDATE`, [viewer.tenantId]);
      const open = await one<{ n: number }>(
        m,
        `SELECT count(*)::int AS n FROM tenant_link_invite WHERE tenant_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
        [viewer.tenantId],
      );
      if (open!.n >= MAX_OPEN_INVITES)
        throw badInput(`有效的邀请码已有 ${MAX_OPEN_INVITES} 个，请先撤销不再使用的邀请码`);
      const row = await one<TenantLinkInviteRow>(
        m,
        `INSERT INTO tenant_link_invite (tenant_id, code_hash, note, created_by, expires_at)
         VALUES ($1, $2, $3, $4, now() + make_interval(days => $5)) RETURNING id, note, created_at, expires_at`,
        [viewer.tenantId, inviteCodeHash(code), cleanNote, viewer.userId, INVITE_DAYS],
      );
      await this.audit.record(m, viewer, {
        entityType: 'tenant_link_invite',
        entityId: row!.id,
        action: 'create',
        after: { note: cleanNote, expiresAt: row!.expires_at },
      });
      return toInvite(row!);
    });
    return { invite, code };
  }

  async revokeInvite(viewer: Viewer, id: string): Promise<TenantLinksModel> {
    await this.dataSource.transaction(async (m) => {
      const row = await one<{ id: string }>(
        m,
        `UPDATE tenant_link_invite SET revoked_at = now()
          WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL RETURNING id`,
        [viewer.tenantId, id],
      );
      if (!row) throw notFound('邀请');
      await this.audit.record(m, viewer, { entityType: 'tenant_link_invite', entityId: id, action: 'revoke' });
    });
    return this.links(viewer);
  }

  /**
   * The lower office accepts. The invitation is the upper tenant's row, so finding it by its code is a
   * deliberate read across tenants (like sign-in finding a tenant by its code): it runs outside the
   * tenant scope and names both tenants explicitly in every statement.
   */
  async accept(viewer: Viewer, input: string): Promise<TenantLinksModel> {
    const code = normalizeInviteCode(input);
    if (!code) throw badInput('邀请码格式不对：应为 12 位字母和数字，如 K7QM-3XHD-P9TA', 'code');
    await acrossTenants(this.dataSource, async (m) => {
      const self = await one<{ id: string; name: string; upper_tenant_id: string | null }>(
        m,
        `SELECT id, name, upper_tenant_id FROM tenant WHERE id = $1 FOR UPDATE`,
        [viewer.tenantId],
      );
      if (!self) throw notFound('机构');
      const invite = await one<{ tenant_id: string; id: string; name: string }>(
        m,
        `SELECT i.tenant_id, i.id, u.name FROM tenant_link_invite i JOIN tenant u ON u.id = i.tenant_id
          WHERE i.code_hash = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()
          FOR UPDATE OF i`,
        [inviteCodeHash(code)],
      );
      if (!invite) throw badInput(INVALID_CODE, 'code');
      if (invite.tenant_id === viewer.tenantId)
        throw badInput('这是本机构发出的邀请码，请把它交给下级机构使用', 'code');
      if (self.upper_tenant_id) {
        const current = await one<{ name: string }>(m, `SELECT name FROM tenant WHERE id = $1`, [self.upper_tenant_id]);
        throw conflict(`本机构已关联上级机构“${current?.name ?? ''}”，请先解除后再接受新的邀请`);
      }
      const cycle = await one<{ found: number }>(m, UPPER_CHAIN_CONTAINS_SQL, [invite.tenant_id, viewer.tenantId]);
      if (cycle) throw badInput(`“${invite.name}”是本机构的下级机构，不能再作为上级`, 'code');
      await m.query(`UPDATE tenant SET upper_tenant_id = $2, linked_at = now() WHERE id = $1`, [
        viewer.tenantId,
        invite.tenant_id,
      ]);
      await m.query(
        `UPDATE tenant_link_invite SET accepted_at = now(), accepted_tenant_id = $3 WHERE tenant_id = $1 AND id = $2`,
        [invite.tenant_id, invite.id, viewer.tenantId],
      );
      await this.recordBothSides(m, viewer, 'link', {
        upper: { id: invite.tenant_id, name: invite.name },
        lower: { id: viewer.tenantId, name: self.name },
      });
    });
    await this.upperPoints.refresh(viewer.tenantId);
    return this.links(viewer);
  }

  /**
   * The lower office ends its link to the upper tenant it names: the one it confirmed ending, so a link
   * re-made to another upper in the meantime is not ended by a stale dialog.
   */
  async endUpper(viewer: Viewer, upperTenantId: string): Promise<TenantLinksModel> {
    await acrossTenants(this.dataSource, async (m) => {
      const self = await one<{ id: string; name: string; upper_id: string; upper_name: string }>(
        m,
        `SELECT t.id, t.name, u.id AS upper_id, u.name AS upper_name FROM tenant t JOIN tenant u ON u.id = t.upper_tenant_id
          WHERE t.id = $1 AND t.upper_tenant_id = $2 FOR UPDATE OF t`,
        [viewer.tenantId, upperTenantId],
      );
      if (!self) throw notFound('上级机构关联');
      await this.unlink(m, viewer, { id: self.upper_id, name: self.upper_name }, { id: self.id, name: self.name });
    });
    await this.upperPoints.refresh(viewer.tenantId);
    return this.links(viewer);
  }

  /** The upper office ends the link of one of its own lower tenants; any other tenant id is not found. */
  async endLower(viewer: Viewer, lowerTenantId: string): Promise<TenantLinksModel> {
    await acrossTenants(this.dataSource, async (m) => {
      const lower = await one<{ id: string; name: string; upper_name: string }>(
        m,
        `SELECT t.id, t.name, u.name AS upper_name FROM tenant t JOIN tenant u ON u.id = t.upper_tenant_id
          WHERE t.id = $1 AND t.upper_tenant_id = $2 FOR UPDATE OF t`,
        [lowerTenantId, viewer.tenantId],
      );
      if (!lower) throw notFound('下级机构');
      await this.unlink(m, viewer, { id: viewer.tenantId, name: lower.upper_name }, { id: lower.id, name: lower.name });
    });
    await this.upperPoints.refresh(lowerTenantId);
    return this.links(viewer);
  }

  private async unlink(m: EntityManager, viewer: Viewer, upper: NamedTenant, lower: NamedTenant) {
    await m.query(`UPDATE tenant SET upper_tenant_id = NULL, linked_at = NULL WHERE id = $1 AND upper_tenant_id = $2`, [
      lower.id,
      upper.id,
    ]);
    await this.recordBothSides(m, viewer, 'unlink', { upper, lower });
  }

  /** Both offices keep the history of their link: the acting side with its user, the other side with the acting tenant's name. */
  private async recordBothSides(
    m: EntityManager,
    viewer: Viewer,
    action: 'link' | 'unlink',
    pair: { upper: NamedTenant; lower: NamedTenant },
  ) {
    const other = pair.upper.id === viewer.tenantId ? pair.lower : pair.upper;
    const acting = pair.upper.id === viewer.tenantId ? pair.upper : pair.lower;
    const after = { upperTenant: pair.upper, lowerTenant: pair.lower };
    await this.audit.record(m, viewer, { entityType: 'tenant_link', entityId: other.id, action, after });
    await this.audit.record(
      m,
      { tenantId: other.id, userId: null },
      { entityType: 'tenant_link', entityId: acting.id, action, after, note: `由“${acting.name}”操作` },
    );
  }
}

interface NamedTenant {
  id: string;
  name: string;
}
