import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SCORE_COMPONENTS, TIE_BREAK_TEXT, type ScoreRules } from '@duban/domain';
import { CurrentViewer, Roles } from '../../common/auth.decorators.js';
import type { Viewer } from '../../common/viewer.js';
import { ScoreRulesInput, ScoreRulesModel } from './dto/score-rules.model.js';
import { ScoreRulesService, type StoredScoreRules } from './score-rules.service.js';

@Resolver(() => ScoreRulesModel)
export class ScoreRulesResolver {
  constructor(private readonly rulesService: ScoreRulesService) {}

  @Query(() => ScoreRulesModel, {
    description: "The tenant's scoring rules (every signed-in user may know how units are scored)",
  })
  async scoreRules(@CurrentViewer() viewer: Viewer): Promise<ScoreRulesModel> {
    return toModel(await this.rulesService.get(viewer.tenantId));
  }

  @Roles('OFFICE_ADMIN')
  @Mutation(() => ScoreRulesModel, {
    description: 'Office admin: changes the given rules; version = ScoreRules.version last read',
  })
  async updateScoreRules(
    @CurrentViewer() viewer: Viewer,
    @Args('rules') rules: ScoreRulesInput,
    @Args('version', { type: () => Int, nullable: true }) version?: number | null,
  ): Promise<ScoreRulesModel> {
    return toModel(
      await this.rulesService.update(viewer, { ...rules } as Partial<Record<keyof ScoreRules, number | null>>, version),
    );
  }
}

function toModel({ rules, version }: StoredScoreRules): ScoreRulesModel {
  return {
    ...rules,
    version,
    tieBreak: TIE_BREAK_TEXT,
    items: SCORE_COMPONENTS.map(({ component, weight, label, explain }) => ({
      component,
      rule: weight,
      label,
      explain,
      weight: rules[weight],
    })),
  };
}
