import { Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { ASSESSOR_VIEW_ROLES } from './assessment-roles.js';
import { AssessmentService } from './assessment.service.js';
import { SecurityAssessmentModel } from './dto/assessment.model.js';

@Resolver(() => SecurityAssessmentModel)
export class AssessmentResolver {
  constructor(private readonly assessments: AssessmentService) {}

  @Roles(...ASSESSOR_VIEW_ROLES)
  @Query(() => SecurityAssessmentModel, {
    description:
      '等保测评视图 (security admin): each level-3 control, how this tenant has it now, and where the evidence is',
  })
  securityAssessment(@CurrentViewer() viewer: Viewer): Promise<SecurityAssessmentModel> {
    return this.assessments.assess(viewer);
  }
}
