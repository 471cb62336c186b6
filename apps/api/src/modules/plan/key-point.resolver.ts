import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { KeyPointDeadlineModel } from './dto/deadline.model.js';
import { InstructionModel } from './dto/instruction.model.js';
import { KeyPointModel, PlanSectionModel } from './dto/key-point.model.js';
import { KeyPointUnitModel } from './dto/key-point-unit.model.js';
import { PlanLoader } from './plan.loader.js';

/** Relations of a key point, each through a per-request loader. */
@Resolver(() => KeyPointModel)
export class KeyPointResolver {
  constructor(private readonly loader: PlanLoader) {}

  @ResolveField(() => [KeyPointDeadlineModel], { description: '时限 as written' })
  deadlines(@Parent() kp: KeyPointModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.deadlinesOfKeyPoint(req, viewer).load(kp.id);
  }

  @ResolveField(() => [KeyPointUnitModel], { description: '牵头/责任单位 as named and as resolved' })
  units(@Parent() kp: KeyPointModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.unitsOfKeyPoint(req, viewer).load(kp.id);
  }

  @ResolveField(() => [KeyPointModel], { description: 'Sub-items' })
  children(@Parent() kp: KeyPointModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.childrenOfKeyPoint(req, viewer).load(kp.id);
  }

  @ResolveField(() => PlanSectionModel, { nullable: true })
  section(@Parent() kp: KeyPointModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return kp.sectionId ? this.loader.section(req, viewer).load(kp.sectionId) : null;
  }

  @ResolveField(() => KeyPointModel, {
    nullable: true,
    description: "The upper-level plan's key point this implements",
  })
  upperKeyPoint(@Parent() kp: KeyPointModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return kp.upperKeyPointId ? this.loader.keyPoint(req, viewer).load(kp.upperKeyPointId) : null;
  }

  @ResolveField(() => [InstructionModel], { description: '批示' })
  instructions(@Parent() kp: KeyPointModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return this.loader.instructionsOfKeyPoint(req, viewer).load(kp.id);
  }
}
