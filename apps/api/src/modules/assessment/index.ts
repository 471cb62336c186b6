// What other modules may use from the assessment feature.
export { AssessmentModule } from './assessment.module.js';
export { AssessmentService, type Assessment } from './assessment.service.js';
export { ASSESSOR_VIEW_ROLES } from './assessment-roles.js';
