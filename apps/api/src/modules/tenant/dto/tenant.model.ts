import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { REPORT_CYCLE_KINDS, type ReportCycleKind } from '../tenant-settings.js';

export const ReportCycleKindEnum = Object.fromEntries(REPORT_CYCLE_KINDS.map((k) => [k, k])) as {
  [K in ReportCycleKind]: K;
};
registerEnumType(ReportCycleKindEnum, {
  name: 'ReportCycleKind',
  description: 'NONE 不定期报送, WEEKLY 每周, MONTHLY 每月, QUARTERLY 每季度',
});

@ObjectType('ReportCycleSetting', { description: '进展报送周期' })
export class ReportCycleSettingModel {
  @Field(() => ReportCycleKindEnum)
  kind!: ReportCycleKind;

  @Field(() => Int, { nullable: true, description: 'MONTHLY/QUARTERLY: deadline day of the (last) month, 1–31' })
  dayOfMonth!: number | null;

  @Field(() => Int, { nullable: true, description: 'WEEKLY: deadline weekday, 1 = Monday … 7 = Sunday' })
  weekday!: number | null;
}

@ObjectType('TenantSettings')
export class TenantSettingsModel {
  @Field({ description: 'Reports go to the unit leader (分管领导) before the office' })
  leaderApproval!: boolean;

  @Field(() => Int)
  yellowWithinWorkingDays!: number;

  @Field(() => Int)
  paceMarginPercent!: number;

  @Field({ description: "Due date of key points without a time limit, 'MM-DD'" })
  defaultDueMonthDay!: string;

  @Field(() => ReportCycleSettingModel)
  reportCycle!: ReportCycleSettingModel;

  @Field(() => Int)
  remindBeforeWorkingDays!: number;

  @Field(() => Int)
  urgeAfterWorkingDays!: number;

  @Field(() => Int)
  superviseAfterWorkingDays!: number;

  @Field(() => Int, { description: '签收: working days a unit has to sign for a newly assigned task' })
  signWithinWorkingDays!: number;

  @Field({ description: 'Name at the top of the public page (政务公开); empty = the tenant name' })
  publicName!: string;

  @Field(() => [String], { description: 'Origins (the portal) allowed to frame the public page' })
  publicFrameAncestors!: string[];
}

@ObjectType('Tenant', { description: '机构（一级政府）' })
export class TenantModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: '机构代码, used to sign in' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => TenantSettingsModel)
  settings!: TenantSettingsModel;

  @Field(() => Int)
  version!: number;
}
