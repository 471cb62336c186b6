import { Foundation1763856000000 } from './1763856000000-Foundation.js';
import { Core1763856100000 } from './1763856100000-Core.js';
import { TaskLedger1763856400000 } from './1763856400000-TaskLedger.js';
import { CalendarJobsNotifications1763856600000 } from './1763856600000-CalendarJobsNotifications.js';
import { EvidenceCheck1763856700000 } from './1763856700000-EvidenceCheck.js';
import { Review1763856900000 } from './1763856900000-Review.js';
import { ScorecardCache1763857000000 } from './1763857000000-ScorecardCache.js';
import { KeyPointUnitImpliedFrom1764100000000 } from './1764100000000-KeyPointUnitImpliedFrom.js';
import { SignInHardening1764200000000 } from './1764200000000-SignInHardening.js';
import { PlanImportDecisions1764300000000 } from './1764300000000-PlanImportDecisions.js';
import { YearLoop1764400000000 } from './1764400000000-YearLoop.js';
import { UserMessagingIds1764500000000 } from './1764500000000-UserMessagingIds.js';
import { Messaging1764500100000 } from './1764500100000-Messaging.js';
import { Onboarding1764600000000 } from './1764600000000-Onboarding.js';
import { TenantDemo1764900000000 } from './1764900000000-TenantDemo.js';
import { TenantRowSecurity1765000000000 } from './1765000000000-TenantRowSecurity.js';
import { ScoreRulesVersion1765200000000 } from './1765200000000-ScoreRulesVersion.js';
import { PublicPage1765300000000 } from './1765300000000-PublicPage.js';
import { TenantLinks1765400000000 } from './1765400000000-TenantLinks.js';
import { UpperPlanPoints1765410000000 } from './1765410000000-UpperPlanPoints.js';
import { LowerRollup1765420000000 } from './1765420000000-LowerRollup.js';
import { TenantTableRowSecurity1765500000000 } from './1765500000000-TenantTableRowSecurity.js';
import { SingleSignOn1765600000000 } from './1765600000000-SingleSignOn.js';
import { LevelUrges1765900000000 } from './1765900000000-LevelUrges.js';
import { LevelSharing1765910000000 } from './1765910000000-LevelSharing.js';
import { LowerRollupCells1765920000000 } from './1765920000000-LowerRollupCells.js';
import { SupervisionDay1766000000000 } from './1766000000000-SupervisionDay.js';
import { CalendarRevision1766000100000 } from './1766000100000-CalendarRevision.js';
import { IdempotencyKeys1766010000000 } from './1766010000000-IdempotencyKeys.js';
import { SecurityPolicy1766300000000 } from './1766300000000-SecurityPolicy.js';
import { TwoFactor1766310000000 } from './1766310000000-TwoFactor.js';
import { AuditChain1766400000000 } from './1766400000000-AuditChain.js';
import { EncryptTenantSecrets1766400100000 } from './1766400100000-EncryptTenantSecrets.js';
import { AuditSealLater1766600000000 } from './1766600000000-AuditSealLater.js';
import { SeparationOfDuties1766650000000 } from './1766650000000-SeparationOfDuties.js';
import { EncryptPersonalData1766700000000 } from './1766700000000-EncryptPersonalData.js';
import { Watermark1766710000000 } from './1766710000000-Watermark.js';
import { UpperUrgeAcknowledgedNotice1766750000000 } from './1766750000000-UpperUrgeAcknowledgedNotice.js';
import { LowerRollupFileIds1766750000001 } from './1766750000001-LowerRollupFileIds.js';
import { TaskPlanIndexCovering1766760000000 } from './1766760000000-TaskPlanIndexCovering.js';
import { ProgressReportTaskIndexCovering1766770000000 } from './1766770000000-ProgressReportTaskIndexCovering.js';

/** Every migration, in order. Listed explicitly so the same code runs from sources and from the build. */
export const migrations = [
  Foundation1763856000000,
  Core1763856100000,
  TaskLedger1763856400000,
  CalendarJobsNotifications1763856600000,
  EvidenceCheck1763856700000,
  Review1763856900000,
  ScorecardCache1763857000000,
  KeyPointUnitImpliedFrom1764100000000,
  SignInHardening1764200000000,
  PlanImportDecisions1764300000000,
  YearLoop1764400000000,
  UserMessagingIds1764500000000,
  Messaging1764500100000,
  Onboarding1764600000000,
  TenantDemo1764900000000,
  TenantRowSecurity1765000000000,
  ScoreRulesVersion1765200000000,
  PublicPage1765300000000,
  TenantLinks1765400000000,
  UpperPlanPoints1765410000000,
  LowerRollup1765420000000,
  TenantTableRowSecurity1765500000000,
  SingleSignOn1765600000000,
  LevelUrges1765900000000,
  LevelSharing1765910000000,
  LowerRollupCells1765920000000,
  SupervisionDay1766000000000,
  CalendarRevision1766000100000,
  IdempotencyKeys1766010000000,
  SecurityPolicy1766300000000,
  TwoFactor1766310000000,
  AuditChain1766400000000,
  EncryptTenantSecrets1766400100000,
  AuditSealLater1766600000000,
  SeparationOfDuties1766650000000,
  EncryptPersonalData1766700000000,
  Watermark1766710000000,
  UpperUrgeAcknowledgedNotice1766750000000,
  LowerRollupFileIds1766750000001,
  TaskPlanIndexCovering1766760000000,
  ProgressReportTaskIndexCovering1766770000000,
];
