import { AuditLogEntity } from '../modules/audit/audit-log.entity.js';
import { SessionEntity } from '../modules/auth/session.entity.js';
import { TenantEntity } from '../modules/tenant/tenant.entity.js';
import { UnitEntity } from '../modules/unit/unit.entity.js';
import { UserEntity } from '../modules/user/user.entity.js';

/** Every TypeORM entity, listed explicitly (no globs: the same list works from sources and the build). */
export const entities = [TenantEntity, UnitEntity, UserEntity, SessionEntity, AuditLogEntity];
