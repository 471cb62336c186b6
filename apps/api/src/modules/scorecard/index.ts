// What other modules (the exports) may use from the scorecard feature.
export { ScorecardModule } from './scorecard.module.js';
export { ScorecardService, type ScorecardFilter } from './scorecard.service.js';
export { ScoreRulesService } from './score-rules.service.js';
export { SCORECARD_METRICS } from './scorecard-metrics.js';
export type { ScorecardRowModel } from './dto/scorecard-row.model.js';
export { RevisionCache, type CacheKey } from '../../common/revision-cache.js';
