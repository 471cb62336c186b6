import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, EveryRole } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { TaskLoader, TaskModel } from '../task/index.js';
import {
  MarkNotificationsReadInput,
  NotificationsArgs,
  UpdateNotificationPreferencesInput,
} from './dto/notification.input.js';
import {
  MarkNotificationsReadResult,
  NotificationConnection,
  NotificationModel,
  NotificationPreferencesModel,
} from './dto/notification.model.js';
import { NotificationService } from './notification.service.js';

/** Every signed-in person has a notification centre; each sees and changes only their own. */
@EveryRole()
@Resolver(() => NotificationModel)
export class NotificationResolver {
  constructor(
    private readonly service: NotificationService,
    private readonly taskLoader: TaskLoader,
  ) {}

  @Query(() => NotificationConnection, { description: 'My notifications, newest first' })
  notifications(@CurrentViewer() viewer: Viewer, @Args() args: NotificationsArgs): Promise<NotificationConnection> {
    return this.service.list(viewer, args);
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.service.unreadCount(viewer);
  }

  @Mutation(() => MarkNotificationsReadResult)
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: MarkNotificationsReadInput,
  ): Promise<MarkNotificationsReadResult> {
    return this.service.markRead(viewer, input);
  }

  @Query(() => NotificationPreferencesModel)
  notificationPreferences(@CurrentViewer() viewer: Viewer): Promise<NotificationPreferencesModel> {
    return this.service.preferences(viewer);
  }

  @Mutation(() => NotificationPreferencesModel)
  updateNotificationPreferences(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateNotificationPreferencesInput,
  ): Promise<NotificationPreferencesModel> {
    return this.service.updatePreferences(viewer, input);
  }

  @ResolveField(() => TaskModel, {
    nullable: true,
    description: 'Null when the task is gone or no longer visible to me',
  })
  task(@Parent() notification: NotificationModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return notification.taskId ? this.taskLoader.byId(req, viewer).load(notification.taskId) : null;
  }
}
