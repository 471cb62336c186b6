import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { forbidden } from '../../common/app-error.js';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { loader } from '../../common/loaders.js';
import { isOffice, type Viewer } from '../../common/viewer.js';
import {
  DELIVERY_SELECT,
  DeliveryQuery,
  MessageDeliveriesArgs,
  MessageDeliveryConnection,
  MessageDeliveryModel,
  toMessageDeliveryModel,
} from '../messaging/index.js';
import { TaskModel } from '../task/index.js';
import { creationOrderPage } from '../../common/keyset-page.js';
import { SqlParams } from '../../common/sql.js';

/** 发送记录 for the office, and each task's messages on its timeline. */
@Resolver(() => TaskModel)
export class MessageDeliveryResolver {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryQuery,
  ) {}

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Query(() => MessageDeliveryConnection, {
    description: '发送记录: every message beyond the in-app centre, newest first',
  })
  messageDeliveries(
    @CurrentViewer() viewer: Viewer,
    @Args() args: MessageDeliveriesArgs,
  ): Promise<MessageDeliveryConnection> {
    const params = new SqlParams([viewer.tenantId]);
    const where = ['o.tenant_id = $1'];
    if (args.status) where.push(`o.status = ${params.add(args.status)}`);
    return creationOrderPage(this.dataSource, {
      select: DELIVERY_SELECT,
      from: 'FROM outbox_message o',
      alias: 'o',
      where,
      params,
      first: args.first,
      after: args.after,
      map: toMessageDeliveryModel,
    });
  }

  @ResolveField(() => [MessageDeliveryModel], {
    description: '消息送达情况 (office only): the messages about this task, oldest first',
  })
  messages(
    @Parent() task: TaskModel,
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: object,
  ): Promise<MessageDeliveryModel[]> {
    if (!isOffice(viewer)) throw forbidden('只有办公室可以查看消息送达情况');
    return loader(
      req,
      'task.messages',
      () =>
        new DataLoader<string, MessageDeliveryModel[]>((ids) =>
          this.deliveries.forTasks(this.dataSource, viewer.tenantId, ids),
        ),
    ).load(task.id);
  }
}
