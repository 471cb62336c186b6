import { CommonModule } from '../common/common.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { NotificationModule } from './notification/notification.module.js';
import { MessagingModule } from './messaging/messaging.module.js';
import { EvidenceModule } from './evidence/evidence.module.js';
import { ReviewModule } from './review/review.module.js';
import { ScorecardModule } from './scorecard/scorecard.module.js';
import { ExportModule } from './export/export.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { FileModule } from './file/file.module.js';
import { PlanModule } from './plan/plan.module.js';
import { ReportModule } from './report/report.module.js';
import { SupervisionModule } from './supervision/supervision.module.js';
import { TaskModule } from './task/task.module.js';
import { TenantModule } from './tenant/tenant.module.js';
import { UnitModule } from './unit/unit.module.js';
import { UserModule } from './user/user.module.js';

/** The feature modules the app is made of; one folder each under modules/. */
export const featureModules = [
  CommonModule,
  AuditModule,
  AuthModule,
  TenantModule,
  UnitModule,
  UserModule,
  PlanModule,
  TaskModule,
  ReportModule,
  SupervisionModule,
  FileModule,
  CalendarModule,
  MessagingModule,
  NotificationModule,
  EvidenceModule,
  ReviewModule,
  ScorecardModule,
  ExportModule,
];
