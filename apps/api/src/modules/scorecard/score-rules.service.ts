import { Injectable } from '@nestjs/common';
import { DomainError, SCORE_COMPONENTS, validateScoreRules, type ScoreRules, type ScoreWeightKey } from '@duban/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AppError, conflict, notFound } from '../../common/app-error.js';
import { one } from '../../common/sql.js';
import type { Viewer } from '../../common/viewer.js';
import { logger } from '../../logging/logger.js';
import { AuditService } from '../audit/index.js';

export interface StoredScoreRules {
  rules: ScoreRules;
  /** tenant.score_rules_version: the rules live in tenant.settings but are versioned apart from the other settings. */
  version: number;
}

/** Keys a person may set, with the Chinese name used in error messages. */
const RULE_LABELS: Record<keyof ScoreRules, string> = {
  ...(Object.fromEntries(SCORE_COMPONENTS.map((c) => [c.weight, `${c.label}权重`])) as Record<ScoreWeightKey, string>),
  leadWeight: '牵头任务计数倍数',
};
const LIMIT = 1000;

/**
 * The tenant's scoring rules, kept in tenant.settings.scoreRules. This module owns that one key and
 * writes it with jsonb_set so the tenant module's other settings are never touched.
 */
@Injectable()
export class ScoreRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(tenantId: string, db: DataSource | EntityManager = this.dataSource): Promise<StoredScoreRules> {
    const row = await one<{ stored: Record<string, unknown> | null; version: number }>(
      db,
      `SELECT settings->'scoreRules' AS stored, score_rules_version AS version FROM tenant WHERE id = $1`,
      [tenantId],
    );
    if (!row) throw notFound('机构');
    return storedScoreRules(row.stored, row.version);
  }

  async update(
    viewer: Viewer,
    patch: Partial<Record<keyof ScoreRules, number | null>>,
    version: number | null | undefined,
  ): Promise<StoredScoreRules> {
    const changes = checkPatch(patch);
    return this.dataSource.transaction(async (m) => {
      // tenant has no tenant_id column, so lockForUpdate does not fit; same lock-and-compare by id.
      const before = await one<{ stored: Record<string, unknown> | null; version: number }>(
        m,
        `SELECT settings->'scoreRules' AS stored, score_rules_version AS version FROM tenant WHERE id = $1 FOR UPDATE`,
        [viewer.tenantId],
      );
      if (!before) throw notFound('机构');
      if (version != null && before.version !== version) throw conflict('考核评分规则已被他人修改，请刷新后重试');
      const old = rulesOrDefault(before.stored);
      const rules = validated({ ...old, ...changes });
      const after = await one<{ version: number }>(
        m,
        `UPDATE tenant SET settings = jsonb_set(settings, '{scoreRules}', $2::jsonb), score_rules_version = score_rules_version + 1,
          updated_at = now() WHERE id = $1 RETURNING score_rules_version AS version`,
        [viewer.tenantId, JSON.stringify(rules)],
      );
      await this.audit.record(m, viewer, {
        entityType: 'tenant',
        entityId: viewer.tenantId,
        action: 'scoreRules.update',
        before: old,
        after: rules,
      });
      return { rules, version: after!.version };
    });
  }
}

/** The rules as `get` returns them, from tenant.settings' scoreRules and score_rules_version read elsewhere. */
export function storedScoreRules(
  stored: Record<string, unknown> | null | undefined,
  version: number,
): StoredScoreRules {
  return { rules: rulesOrDefault(stored ?? null), version };
}

/** Stored rules over the defaults; a hand-edited invalid value must not take the scorecard down. */
function rulesOrDefault(stored: Record<string, unknown> | null): ScoreRules {
  try {
    return validateScoreRules(stored ?? {});
  } catch (error) {
    logger().warn({ err: error }, 'stored score rules invalid; using defaults');
    return validateScoreRules({});
  }
}

function checkPatch(patch: Partial<Record<keyof ScoreRules, number | null>>): Partial<ScoreRules> {
  const out: Partial<ScoreRules> = {};
  for (const [key, value] of Object.entries(patch) as [keyof ScoreRules, number | null | undefined][]) {
    if (value === undefined) continue;
    if (!(key in RULE_LABELS)) throw new AppError('BAD_USER_INPUT', '未知的评分规则', { field: key });
    if (value === null || !Number.isFinite(value))
      throw new AppError('BAD_USER_INPUT', `${RULE_LABELS[key]}不能为空`, { field: key });
    if (Math.abs(value) > LIMIT)
      throw new AppError('BAD_USER_INPUT', `${RULE_LABELS[key]}应在 -${LIMIT} 到 ${LIMIT} 之间`, { field: key });
    out[key] = value;
  }
  return out;
}

/** The domain's validation, its English problems turned into one Chinese message naming the field. */
function validated(rules: ScoreRules): ScoreRules {
  try {
    return validateScoreRules(rules);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    // "weights must not all be 0" names no single field: it is about the rules as a whole.
    const field =
      (Object.keys(RULE_LABELS) as (keyof ScoreRules)[]).find((k) => error.message.startsWith(`${k} `)) ?? 'rules';
    throw new AppError('BAD_USER_INPUT', ruleMessage(field), { field, detail: error.message });
  }
}

function ruleMessage(field: keyof ScoreRules | 'rules'): string {
  if (field === 'leadWeight') return '牵头任务计数倍数应在 1 到 10 之间';
  if (field === 'rules') return '各项权重不能全部为 0，至少要有一项计入得分';
  return `${RULE_LABELS[field]}应在 0 到 1000 之间`;
}
