import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { NotificationKindEnum, RobotPlatformEnum } from './dto/message-enums.js';
import { MessageReachModel } from './dto/message-reach.model.js';
import { MessageRobotModel, SaveMessageRobotInput } from './dto/message-robot.model.js';
import {
  MessageSettingsModel,
  MessageTestResultModel,
  UpdateMessageSettingsInput,
} from './dto/message-settings.model.js';
import { badInput } from '../../common/app-error.js';
import { ReachService } from './events/reach.service.js';
import { ACTION_KINDS, type ActionKind, type MessageKind, type RobotPlatform } from './message-kinds.js';
import { MessageSettingsService } from './settings/message-settings.service.js';
import { RobotSettingsService } from './settings/robot-settings.service.js';

@Resolver(() => MessageSettingsModel)
export class MessageSettingsResolver {
  constructor(
    private readonly settings: MessageSettingsService,
    private readonly robots: RobotSettingsService,
    private readonly reachService: ReachService,
  ) {}

  @Roles('OFFICE_ADMIN')
  @Query(() => MessageSettingsModel, { description: "The office's message channels; secrets masked" })
  messageSettings(@CurrentViewer() viewer: Viewer): Promise<MessageSettingsModel> {
    return this.settings.get(viewer);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => MessageSettingsModel)
  updateMessageSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateMessageSettingsInput,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<MessageSettingsModel> {
    return this.settings.update(viewer, input, version);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => MessageTestResultModel, {
    description: "Sends a test message to me through the office's 企业微信 or 钉钉 app",
  })
  testWorkApp(
    @CurrentViewer() viewer: Viewer,
    @Args('platform', { type: () => RobotPlatformEnum }) platform: RobotPlatform,
  ): Promise<MessageTestResultModel> {
    return this.settings.testWorkApp(viewer, platform);
  }

  @Roles('OFFICE_ADMIN')
  @Query(() => [MessageRobotModel], { description: '群机器人, with masked addresses' })
  messageRobots(@CurrentViewer() viewer: Viewer): Promise<MessageRobotModel[]> {
    return this.robots.list(viewer);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => MessageRobotModel, { description: 'Adds a robot (no id) or changes one' })
  saveMessageRobot(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SaveMessageRobotInput,
  ): Promise<MessageRobotModel> {
    return this.robots.save(viewer, input);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => Boolean)
  deleteMessageRobot(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<boolean> {
    return this.robots.remove(viewer, id, version);
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => MessageTestResultModel, { description: "发送测试消息: the robot's own answer comes back" })
  testMessageRobot(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MessageTestResultModel> {
    return this.robots.test(viewer, id);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Query(() => MessageReachModel, {
    description: 'Who at these units a message of this kind reaches, and through what',
  })
  messageReach(
    @CurrentViewer() viewer: Viewer,
    @Args('kind', { type: () => NotificationKindEnum }) kind: MessageKind,
    @Args('unitIds', { type: () => [ID], nullable: true }) unitIds?: string[] | null,
    @Args('planId', {
      type: () => ID,
      nullable: true,
      description: "Instead of unitIds: every unit the plan's key points name",
    })
    planId?: string | null,
  ): Promise<MessageReachModel> {
    if (!(ACTION_KINDS as readonly string[]).includes(kind)) throw badInput('该类通知不由办公室发出', 'kind');
    return this.reachService.reach(viewer, kind as ActionKind, unitIds ?? [], planId ?? null);
  }
}
