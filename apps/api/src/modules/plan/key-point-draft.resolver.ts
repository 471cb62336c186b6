import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import { TaskRoleEnum, type TaskRole } from '../../common/enums.js';
import type { Viewer } from '../../common/viewer.js';
import { AddKeyPointInput, DeadlineInput, UpdateKeyPointInput } from './dto/key-point.input.js';
import { KeyPointModel } from './dto/key-point.model.js';
import { KeyPointDraftService } from './key-point-draft.service.js';

const VERSION = { type: () => Int, description: "The key point's version (units and time limits belong to it)" };

/** Key point writes of the supervising office on drafts (amendments after publishing are the task module's). */
@Resolver(() => KeyPointModel)
@Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
export class KeyPointDraftResolver {
  constructor(private readonly drafts: KeyPointDraftService) {}

  @Mutation(() => KeyPointModel)
  addKeyPoint(@CurrentViewer() viewer: Viewer, @Args('input') input: AddKeyPointInput): Promise<KeyPointModel> {
    return this.drafts.addKeyPoint(viewer, input);
  }

  @Mutation(() => KeyPointModel)
  updateKeyPoint(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', VERSION) version: number,
    @Args('input') input: UpdateKeyPointInput,
  ): Promise<KeyPointModel> {
    return this.drafts.updateKeyPoint(viewer, id, version, input);
  }

  @Mutation(() => Boolean, { description: 'Deletes a key point of a DRAFT plan (with its sub-items)' })
  deleteKeyPoint(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', VERSION) version: number,
  ) {
    return this.drafts.deleteKeyPoint(viewer, id, version);
  }

  @Mutation(() => KeyPointModel, {
    description: 'Maps a unit name to a unit (null un-maps it), optionally changing its role',
  })
  setKeyPointUnit(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'KeyPointUnit id' }) id: string,
    @Args('version', VERSION) version: number,
    @Args('unitId', { type: () => ID, nullable: true }) unitId: string | null,
    @Args('role', { type: () => TaskRoleEnum, nullable: true }) role: TaskRole | null,
  ): Promise<KeyPointModel> {
    return this.drafts.setKeyPointUnit(viewer, id, version, unitId ?? null, role ?? null);
  }

  @Mutation(() => KeyPointModel)
  addKeyPointUnit(
    @CurrentViewer() viewer: Viewer,
    @Args('keyPointId', { type: () => ID }) keyPointId: string,
    @Args('version', VERSION) version: number,
    @Args('unitId', { type: () => ID }) unitId: string,
    @Args('role', { type: () => TaskRoleEnum }) role: TaskRole,
  ): Promise<KeyPointModel> {
    return this.drafts.addKeyPointUnit(viewer, keyPointId, version, unitId, role);
  }

  @Mutation(() => KeyPointModel)
  removeKeyPointUnit(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID, description: 'KeyPointUnit id' }) id: string,
    @Args('version', VERSION) version: number,
  ): Promise<KeyPointModel> {
    return this.drafts.removeKeyPointUnit(viewer, id, version);
  }

  @Mutation(() => KeyPointModel)
  addKeyPointDeadline(
    @CurrentViewer() viewer: Viewer,
    @Args('keyPointId', { type: () => ID }) keyPointId: string,
    @Args('version', VERSION) version: number,
    @Args('input') input: DeadlineInput,
  ): Promise<KeyPointModel> {
    return this.drafts.addDeadline(viewer, keyPointId, version, input);
  }

  @Mutation(() => KeyPointModel)
  updateKeyPointDeadline(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', VERSION) version: number,
    @Args('input') input: DeadlineInput,
  ): Promise<KeyPointModel> {
    return this.drafts.updateDeadline(viewer, id, version, input);
  }

  @Mutation(() => KeyPointModel)
  removeKeyPointDeadline(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', VERSION) version: number,
  ) {
    return this.drafts.removeDeadline(viewer, id, version);
  }
}
