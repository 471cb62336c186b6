import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { resolveUnits } from '@duban/plan-parser';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { UnitModel } from '../unit/dto/unit.model.js';
import { UnitLoader } from '../unit/unit.loader.js';
import { KeyPointUnitModel, UnitCandidateModel } from './dto/key-point-unit.model.js';
import { PlanLoader } from './plan.loader.js';
import { toUnitDirectory } from './unit-directory.js';

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
   * import show up); empty once resolved.
   */
  @ResolveField(() => [UnitCandidateModel])
  async candidates(@Parent() row: KeyPointUnitModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object): Promise<UnitCandidateModel[]> {
    if (row.unitId) return [];
    const directory = await this.plans.unitDirectory(req, viewer).load(viewer.tenantId);
    const byId = new Map(directory.map((u) => [u.id, u]));
    const result = resolveUnits([row.rawName], toUnitDirectory(directory));
    const hit = result.resolved[0];
    const scored = hit ? hit.unitIds.map((unitId) => ({ unitId, score: 1 })) : (result.unresolved[0]?.candidates ?? []);
    return scored.filter((c) => byId.has(c.unitId)).map((c) => ({ unit: byId.get(c.unitId)!, score: c.score }));
  }
}
