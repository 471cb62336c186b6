import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { forbidden } from '../../common/app-error.js';
import { readsWholeTenant } from '../../common/viewer.js';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { CreateUnitInput, UnitFilterInput, UpdateUnitInput } from './dto/unit.input.js';
import { DeactivateUnitResultModel, UnitModel, UnitPersonModel, UnitUsageModel } from './dto/unit.model.js';
import { UnitLoader } from './unit.loader.js';
import { UnitService } from './unit.service.js';

/** Everyone signed in reads the directory (units name each other in tasks); only the office changes it. */
@Resolver(() => UnitModel)
export class UnitResolver {
  constructor(
    private readonly unitService: UnitService,
    private readonly loader: UnitLoader,
  ) {}

  @ResolveField(() => [UnitPersonModel], {
    description: 'Active liaisons and leaders (office and leadership only; others get an error)',
  })
  people(
    @Parent() unit: UnitModel,
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: object,
  ): Promise<UnitPersonModel[]> {
    if (!readsWholeTenant(viewer)) throw forbidden('只有政务公开办公室和领导可以查看单位人员');
    return this.loader.people(req, viewer).load(unit.id);
  }

  @ResolveField(() => UnitUsageModel, {
    description: 'Office only: active people and open tasks (what deactivating it affects)',
  })
  usage(@Parent() unit: UnitModel, @CurrentViewer() viewer: Viewer): Promise<UnitUsageModel> {
    if (viewer.role !== 'OFFICE_ADMIN' && viewer.role !== 'OFFICE_STAFF') throw forbidden('只有政务公开办公室可以查看');
    return this.unitService.usage(viewer, unit.id);
  }

  @Query(() => [UnitModel], { description: 'The unit directory, sorted by sort then name (at most 5000)' })
  units(
    @CurrentViewer() viewer: Viewer,
    @Args('filter', { nullable: true }) filter?: UnitFilterInput,
  ): Promise<UnitModel[]> {
    return this.unitService.list(viewer, filter);
  }

  @Query(() => UnitModel)
  unit(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<UnitModel> {
    return this.unitService.get(viewer, id);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => UnitModel)
  createUnit(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateUnitInput): Promise<UnitModel> {
    return this.unitService.create(viewer, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => UnitModel, { description: 'Changes the given fields; active: false deactivates (停用)' })
  updateUnit(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateUnitInput,
  ): Promise<UnitModel> {
    return this.unitService.update(viewer, id, version, input);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => DeactivateUnitResultModel, {
    description: '停用 a unit, optionally moving its open tasks to another active unit',
  })
  deactivateUnit(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('moveOpenTasksTo', { type: () => ID, nullable: true }) moveOpenTasksTo?: string | null,
  ): Promise<DeactivateUnitResultModel> {
    return this.unitService.deactivate(viewer, id, version, moveOpenTasksTo ?? null);
  }

  @Roles('OFFICE_ADMIN', 'OFFICE_STAFF')
  @Mutation(() => Boolean, { description: 'Only a unit nothing refers to; otherwise CONFLICT (deactivate it instead)' })
  deleteUnit(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
  ): Promise<boolean> {
    return this.unitService.delete(viewer, id, version);
  }
}
