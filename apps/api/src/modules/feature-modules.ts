import { CommonModule } from '../common/common.module.js';
import { CalendarModule } from './calendar/index.js';
import { NotificationModule } from './notification/index.js';
import { MessagingModule } from './messaging/index.js';
import { EvidenceModule } from './evidence/index.js';
import { ReviewModule } from './review/index.js';
import { ScorecardModule } from './scorecard/index.js';
import { SsoModule } from './sso/index.js';
import { ExportModule } from './export/index.js';
import { AuditModule } from './audit/index.js';
import { AnswerCacheModule } from './answer-cache/index.js';
import { AssessmentModule } from './assessment/index.js';
import { AuthModule } from './auth/index.js';
import { BackupModule } from './backup/index.js';
import { FileModule } from './file/index.js';
import { LevelsModule } from './levels/index.js';
import { PlanModule } from './plan/index.js';
import { PublicPageModule } from './public-page/index.js';
import { ReportModule } from './report/index.js';
import { SupervisionModule } from './supervision/index.js';
import { TaskModule } from './task/index.js';
import { TenantModule } from './tenant/index.js';
import { UnitModule } from './unit/index.js';
import { UserModule } from './user/index.js';
import { WatermarkModule } from './watermark/index.js';

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
  LevelsModule,
  SsoModule,
  PublicPageModule,
  BackupModule,
  AssessmentModule,
  WatermarkModule,
  AnswerCacheModule,
];
