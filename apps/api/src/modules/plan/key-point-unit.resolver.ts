import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { UnitLoader, UnitModel } from '../unit/index.js';
import { KeyPointUnitModel, UnitCandidateModel } from './dto/key-point-unit.model.js';
import { nameCandidates } from './names/name-candidates.js';
import { PlanLoader } from './plan.loader.js';

@Resolver(() => KeyPointUnitModel)
export class KeyPointUnitResolver {
  constructor(
    private readonly plans: PlanLoader,
    private readonly units: UnitLoader,
  ) {}

  @ResolveField(() => UnitModel, { nullable: true })
  unit(@Parent() row: KeyPointUnitModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return row.unitId ? this.units.byId(req, viewer).load(row.unitId) : null;
  }

  /**
   * For an unresolved name, the closest units of today's directory (so units added since the
   * import show up), only those similar enough to be meant; empty once resolved.
   */
  @ResolveField(() => [UnitCandidateModel])
  async candidates(
    @Parent() row: KeyPointUnitModel,
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: object,
  ): Promise<UnitCandidateModel[]> {
    if (row.unitId) return [];
    return nameCandidates(row.rawName, await this.plans.unitDirectory(req, viewer).load(viewer.tenantId));
  }
}
