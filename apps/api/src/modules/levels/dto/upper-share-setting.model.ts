import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('UpperShareSetting', {
  description: '本机构允许上级机构看到的内容：日期和状态总是可见；报送正文和附件由本机构决定（默认不共享）',
})
export class UpperShareSettingModel {
  @Field({ description: '上级可以看到已审核通过的最近一次报送的正文' })
  shareReportText!: boolean;

  @Field({ description: '上级可以看到该次报送所附文件的名称' })
  shareReportFiles!: boolean;

  @Field(() => Int)
  version!: number;
}

@InputType()
export class UpperShareSettingInput {
  @Field()
  shareReportText!: boolean;

  @Field()
  shareReportFiles!: boolean;
}
