import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer } from '../../common/auth.decorators.js';
import { readsWholeTenant, type Viewer } from '../../common/viewer.js';
import { UnitModel } from '../unit/index.js';
import { PastTimeLimitModel } from './dto/past-time-limit.model.js';
import { PlanModel } from './dto/plan.model.js';
import { PublishPreviewModel } from './dto/publish-preview.model.js';
import { PublishWarningsLoader } from './publish-warnings.loader.js';

/** Before publishing, what will go wrong: units nobody can sign in for, dates already past, a document imported twice. */
@Resolver(() => PublishPreviewModel)
export class PublishWarningsResolver {
  constructor(private readonly warnings: PublishWarningsLoader) {}

  @ResolveField(() => [UnitModel], {
    description: 'Units that would get tasks but have no liaison account to see them',
  })
  unitsWithoutLiaison(
    @Parent() preview: PublishPreviewModel,
    @CurrentViewer() viewer: Viewer,
    @Context('req') req: object,
  ) {
    return preview.planId && readsWholeTenant(viewer)
      ? this.warnings.unitsWithoutLiaison(req, viewer).load(preview.planId)
      : [];
  }

  @ResolveField(() => [PastTimeLimitModel], {
    description: 'Time limits of the draft already past today, earliest first',
  })
  pastTimeLimits(@Parent() preview: PublishPreviewModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return preview.planId && readsWholeTenant(viewer)
      ? this.warnings.pastTimeLimits(req, viewer).load(preview.planId)
      : [];
  }
}

@Resolver(() => PlanModel)
export class PlanDuplicatesResolver {
  constructor(private readonly warnings: PublishWarningsLoader) {}

  @ResolveField(() => [PlanModel], { description: 'Other plans with the same 文号 or the same imported text' })
  duplicatePlans(@Parent() plan: PlanModel, @CurrentViewer() viewer: Viewer, @Context('req') req: object) {
    return readsWholeTenant(viewer) ? this.warnings.duplicatePlans(req, viewer).load(plan.id) : [];
  }

  @ResolveField(() => String, {
    description:
      'LocalDate: when a key point without a time limit falls due (the tenant’s default day of the plan year)',
  })
  defaultDueDate(@Parent() plan: PlanModel, @CurrentViewer() viewer: Viewer) {
    return this.warnings.defaultDueDate(viewer, plan.year);
  }
}
