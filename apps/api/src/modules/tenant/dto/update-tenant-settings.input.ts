import { Field, InputType, Int } from '@nestjs/graphql';
import { ReportCycleKindEnum } from './tenant.model.js';
import type { ReportCycleKind } from '../tenant-settings.js';

@InputType()
export class ReportCycleSettingInput {
  @Field(() => ReportCycleKindEnum)
  kind!: ReportCycleKind;

  @Field(() => Int, { nullable: true })
  dayOfMonth?: number | null;

  @Field(() => Int, { nullable: true })
  weekday?: number | null;
}

/** Only the fields given change; the others keep their current values. */
@InputType()
export class UpdateTenantSettingsInput {
  @Field({ nullable: true })
  leaderApproval?: boolean;

  @Field(() => Int, { nullable: true })
  yellowWithinWorkingDays?: number;

  @Field(() => Int, { nullable: true })
  paceMarginPercent?: number;

  @Field({ nullable: true })
  defaultDueMonthDay?: string;

  @Field(() => ReportCycleSettingInput, { nullable: true })
  reportCycle?: ReportCycleSettingInput;

  @Field(() => Int, { nullable: true })
  remindBeforeWorkingDays?: number;

  @Field(() => Int, { nullable: true })
  urgeAfterWorkingDays?: number;

  @Field(() => Int, { nullable: true })
  superviseAfterWorkingDays?: number;

  @Field(() => Int, { nullable: true })
  signWithinWorkingDays?: number;

  @Field({ nullable: true })
  publicName?: string;

  @Field(() => [String], { nullable: true })
  publicFrameAncestors?: string[];
}
