import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { UpperShareSettingInput, UpperShareSettingModel } from './dto/upper-share-setting.model.js';
import { UpperShareSettingService } from './upper-share-setting.service.js';

@Resolver(() => UpperShareSettingModel)
export class UpperShareSettingResolver {
  constructor(private readonly setting: UpperShareSettingService) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP')
  @Query(() => UpperShareSettingModel, { description: 'What this office lets its upper office see of its reports' })
  upperShareSetting(@CurrentViewer() viewer: Viewer): Promise<UpperShareSettingModel> {
    return this.setting.get(viewer);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => UpperShareSettingModel, { description: 'The office admin sets what the upper office may see' })
  setUpperShareSetting(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpperShareSettingInput,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<UpperShareSettingModel> {
    return this.setting.set(viewer, input, version);
  }
}
