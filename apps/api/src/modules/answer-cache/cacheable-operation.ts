import {
  getNamedType,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * The fields an answer may be kept for, as `Type.field`. Each is computed only from what the answer's
 * stamp covers (common/answer-stamp.ts): the rows of tables whose writes move the tenant's scorecard_revision
 * (task, key_point, key_point_unit, plan, plan_section, unit, progress_report, delay_request, urge,
 * review_item), the tenant's settings and working-day calendar, the viewer's roles and unit (in the key)
 * and today's Shanghai date (in the key). A field that reads anything else (a task's history from the
 * audit log, milestones, instructions, a person's name) or depends on who the viewer is beyond role and
 * unit (a contact's phone, masked or whole) must not be added here: an answer holding it could outlive
 * the write that changes it, or reach another person of the same scope. These are the web's lists and the leadership's reads, which are read far
 * more often than they change.
 */
export const COVERED_FIELDS: ReadonlySet<string> = new Set([
  // Roots: none of them records an audited read (@AuditRead), which a kept answer would skip.
  'Query.myTasks',
  'Query.tasks',
  'Query.planProgress',
  'Query.keyPointProgressTasks',
  'Query.scorecard',
  'TaskConnection.totalCount',
  'TaskConnection.nodes',
  'TaskConnection.pageInfo',
  'PageInfo.endCursor',
  'PageInfo.hasNextPage',
  // Task columns, and the rows they point to by key.
  ...[
    'id',
    'version',
    'kind',
    'role',
    'status',
    'light',
    'progress',
    'dueDate',
    'originalDueDate',
    'isLate',
    'urgeCount',
    'overdueWorkingDays',
    'lastReportAt',
    'signedAt',
    'unit',
    'keyPoint',
    'section',
    'plan',
  ].map((f) => `Task.${f}`),
  'Unit.id',
  'Unit.name',
  'KeyPoint.id',
  'KeyPoint.label',
  'KeyPoint.title',
  'PlanSection.id',
  'PlanSection.label',
  'PlanSection.title',
  'Plan.id',
  'Plan.title',
  'Plan.year',
  // The progress tree: counts over task, key point, section and unit rows.
  ...['plan', 'sections', 'units'].map((f) => `PlanProgress.${f}`),
  ...['sectionId', 'label', 'title', 'keyPoints'].map((f) => `SectionProgress.${f}`),
  ...[
    'keyPointId',
    'label',
    'title',
    'parentId',
    'dueDate',
    'taskCount',
    'averageProgress',
    'leadUnitIds',
    'byLight',
    'byStatus',
  ].map((f) => `KeyPointProgress.${f}`),
  ...['unitId', 'unit', 'taskCount', 'averageProgress', 'byLight'].map((f) => `UnitProgress.${f}`),
  'ProgressLightCount.light',
  'ProgressLightCount.count',
  'ProgressStatusCount.status',
  'ProgressStatusCount.count',
  ...['taskId', 'unitId', 'role', 'status', 'progress', 'light', 'dueDate', 'unit'].map((f) => `ProgressTask.${f}`),
  // The scorecard: the scored tables, the score rules (tenant settings) and the calendar.
  ...['totalCount', 'rankedUnits', 'year', 'tieBreak', 'pageInfo', 'nodes'].map((f) => `ScorecardConnection.${f}`),
  ...['unitId', 'unitName', 'rank', 'previousRank', 'score', 'previousScore', 'scoreChange', 'breakdown', 'counts'].map(
    (f) => `ScorecardRow.${f}`,
  ),
  ...['component', 'label', 'numerator', 'denominator', 'rate', 'weight', 'points'].map((f) => `ScoreLine.${f}`),
  ...[
    'leadTasks',
    'responsibleTasks',
    'dueTasks',
    'completed',
    'completedOnTime',
    'completedLate',
    'overdueNow',
    'periodsOwed',
    'periodsOnTime',
    'periodsMissed',
    'reportsTotal',
    'reportsReturned',
    'delaysApproved',
    'delaysRefused',
    'urgesReceived',
    'rectifications',
    'rectificationsOpen',
    'verdictImplemented',
    'verdictPartial',
    'verdictNotImplemented',
    'verdictNotApplicable',
  ].map((f) => `ScorecardCounts.${f}`),
]);

/**
 * Whether an answer to this query may be kept: every field it selects, through its fragments, is
 * covered. Field names are checked against the type they are selected on, so an alias or a fragment
 * cannot smuggle another field in; an unknown field or type (the query failed validation) is not.
 */
export function isCacheableOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  if (operation.operation !== 'query') return false;
  const typeInfo = new TypeInfo(schema);
  let covered = true;
  // Every definition is walked (not only the operation's own): a fragment the operation spreads is
  // among them, and one it does not spread can only make the answer be computed, never kept wrongly.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const parentName = parent ? getNamedType(parent).name : null;
        if (!parentName || !typeInfo.getFieldDef() || !COVERED_FIELDS.has(`${parentName}.${node.name.value}`)) {
          covered = false;
        }
      },
    }),
  );
  return covered;
}
