import { Module } from '@nestjs/common';
import { TaskModule } from '../task/index.js';
import { UnitModule } from '../unit/index.js';
import { ScoreRulesResolver } from './score-rules.resolver.js';
import { ScoreRulesService } from './score-rules.service.js';
import { ScorecardResolver } from './scorecard.resolver.js';
import { ScorecardService } from './scorecard.service.js';

/** 考核: the tenant's score rules, the ranked scorecard and its drill-down. */
@Module({
  imports: [UnitModule, TaskModule],
  providers: [ScoreRulesService, ScorecardService, ScorecardResolver, ScoreRulesResolver],
  exports: [ScorecardService, ScoreRulesService],
})
export class ScorecardModule {}
