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
 * The fields of 上下联动's roll-up, an upper tenant's read of its lower tenants' work (modules/levels),
 * as `Type.field`. Each is computed from the upper tenant's own key points, plans and sections (its
 * answer stamp) and from its lower tenants linked now: their names, links and whatever their revision
 * follows, the sharing setting included (common/answer-stamp.ts, lowerAnswerStampSql). An answer
 * selecting any of them is kept under both stamps, so a lower tenant's report, a link ended or made,
 * or sharing switched off is in the upper's very next answer, from whichever API process it was made.
 */
export const LOWER_COVERED_FIELDS: ReadonlySet<string> = new Set([
  // Roots: office and leadership reads; neither records an audited read.
  'Query.lowerCoverage',
  'Query.lowerRollupDetail',
  ...['year', 'points', 'lowers'].map((f) => `LowerCoverage.${f}`),
  ...[
    'keyPointId',
    'label',
    'title',
    'sectionTitle',
    'coveredBy',
    'counts',
    'lowerKeyPoints',
    'lowerTasks',
    'lowerRed',
    'lowerDone',
    'lowerOverdue',
  ].map((f) => `UpperPointRollup.${f}`),
  ...[
    'keyPoints',
    'tasks',
    'green',
    'yellow',
    'red',
    'done',
    'doneShare',
    'overdue',
    'overdueUnits',
    'overdueUnitCount',
    'lastReportOn',
  ].map((f) => `LowerRollupCounts.${f}`),
  ...['tenantId', 'name', 'covered', 'share', 'refreshedAt'].map((f) => `LowerTenantCoverage.${f}`),
  ...['id', 'lowerTenantId', 'lowerTenantName', 'label', 'title', 'tasks'].map((f) => `LowerRollupKeyPoint.${f}`),
  ...['id', 'unitName', 'status', 'light', 'dueDate', 'lastReportOn', 'overdue', 'sharedReport'].map(
    (f) => `LowerRollupTask.${f}`,
  ),
  ...['text', 'files', 'attachments', 'reportOn'].map((f) => `LowerSharedReport.${f}`),
  'LowerSharedFile.fileId',
  'LowerSharedFile.filename',
]);

/** The stamps a kept answer is checked against: the tenant's own, or that and its lower tenants'. */
export type KeptAnswerStamps = 'tenant' | 'tenant-and-lowers';

/**
 * What a kept answer to this query must be checked against: the tenant's answer stamp when every field
 * it selects, through its fragments, is in COVERED_FIELDS; that and the lower tenants' stamp when it
 * also selects a field of LOWER_COVERED_FIELDS; null (computed every time) when it selects anything
 * else. Field names are checked against the type they are selected on, so an alias or a fragment cannot
 * smuggle another field in; an unknown field or type (the query failed validation) is not covered.
 */
export function keptAnswerStamps(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): KeptAnswerStamps | null {
  if (operation.operation !== 'query') return null;
  const typeInfo = new TypeInfo(schema);
  let covered = true;
  let lowers = false;
  // Every definition is walked (not only the operation's own): a fragment the operation spreads is
  // among them, and one it does not spread can only make the answer be computed, or checked against
  // one stamp more, never kept wrongly.
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Field(node) {
        if (node.name.value === '__typename') return;
        const parent = typeInfo.getParentType();
        const parentName = parent ? getNamedType(parent).name : null;
        const field = `${parentName}.${node.name.value}`;
        if (!parentName || !typeInfo.getFieldDef()) covered = false;
        else if (LOWER_COVERED_FIELDS.has(field)) lowers = true;
        else if (!COVERED_FIELDS.has(field)) covered = false;
      },
    }),
  );
  if (!covered) return null;
  return lowers ? 'tenant-and-lowers' : 'tenant';
}
