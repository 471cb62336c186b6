import type pg from 'pg';
import type { Factory } from '../../../test/factory.js';
import type { Role } from '../../common/enums.js';
import { AUDITOR_ROLES } from '../../modules/audit/audit-roles.js';
import { DEFAULT_SECURITY_POLICY } from '../../modules/auth/security-policy.js';
import type { Actor, IdKind, TenantWorld } from './isolation-world.js';

/**
 * Who may run each GraphQL operation, and which real row each id argument names. This table is the
 * isolation spec: the test fails for an operation of the served schema that is missing here, so a new
 * operation cannot ship without someone deciding who may call it.
 */
export interface OperationPolicy {
  /**
   * The roles that may run it; ANY = every business role (the server scopes what each sees). The
   * security admin and auditor (三员分立) reach an ANY operation only when it is `self` or `public`.
   */
  roles: readonly Role[] | 'ANY';
  /** Acts only on the caller's own rows (own password, session, notifications, preferences). */
  self?: string;
  /** Open without signing in. */
  public?: string;
  /** Id kinds of arguments / input fields by name, over DEFAULT_KINDS. `version` follows `versionOf`. */
  kinds?: Record<string, IdKind>;
  /** Which id's row carries the `version` argument (default: the kind of `id`, else of the other id). */
  versionOf?: IdKind | 'tenant';
  /** Literal values by argument / input field name (for fields whose format the filler cannot guess). */
  values?: Record<string, unknown>;
  /** Who runs the positive control in the mirror tenant (default: the first allowed role's actor). */
  owner?: Actor;
  /** Why the positive control cannot succeed on the fixed world (the op still runs every refusal check). */
  noPositive?: string;
}

/** Id arguments and input fields whose name says what they name. */
export const DEFAULT_KINDS: Record<string, IdKind> = {
  taskId: 'task',
  planId: 'plan',
  keyPointId: 'keyPoint',
  reportId: 'report',
  unitId: 'unit',
  userId: 'user',
  userIds: 'user',
  reviewId: 'review',
  itemId: 'reviewItem',
  fileIds: 'file',
  fileId: 'file',
  ids: 'notification',
  parentPlanId: 'plan',
  upperKeyPointId: 'keyPoint',
  sectionId: 'section',
  removeUnitIds: 'unit',
  taskIds: 'task',
  unitIds: 'unit',
  tenantId: 'lowerTenant',
  upperTenantId: 'upperTenant',
  upperPointIds: 'upperPoint',
  lowerTenantId: 'lowerTenant',
};

const OFFICE: Role[] = ['OFFICE_ADMIN', 'OFFICE_STAFF'];
const UNIT: Role[] = ['UNIT_LIAISON', 'UNIT_LEADER'];
const READERS: Role[] = ['OFFICE_ADMIN', 'OFFICE_STAFF', 'LEADERSHIP'];
const NEW_PASSWORD = 'N3w-Passw0rd!2026';
const YEAR = new Date().getFullYear();

export const QUERY_POLICY: Record<string, OperationPolicy> = {
  auditLog: { roles: AUDITOR_ROLES, kinds: { actorId: 'user', entityId: 'task' } },
  auditChainCheck: { roles: AUDITOR_ROLES },
  me: { roles: 'ANY', public: 'answers null when signed out; only ever the caller' },
  signInOptions: { roles: 'ANY', public: 'whether a tenant code signs in through 统一身份认证; no tenant data' },
  ssoSettings: { roles: ['OFFICE_ADMIN'] },
  backupStatus: { roles: ['OFFICE_ADMIN'] },
  securityPolicy: { roles: ['SECURITY_ADMIN'] },
  unusedAccounts: { roles: ['SECURITY_ADMIN'] },
  securityAssessment: { roles: ['SECURITY_ADMIN'] },
  serverInfo: { roles: 'ANY', public: 'version and server time, no tenant data' },
  dashboard: { roles: 'ANY' },
  delayRequests: { roles: 'ANY' },
  leaderQueue: { roles: ['UNIT_LEADER'] },
  myTasks: { roles: UNIT },
  notificationPreferences: { roles: 'ANY', self: 'the caller’s own preferences' },
  notifications: { roles: 'ANY', self: 'the caller’s own notifications' },
  unreadNotificationCount: { roles: 'ANY', self: 'the caller’s own notifications' },
  plan: { roles: 'ANY', kinds: { id: 'plan' } },
  planProgress: { roles: 'ANY' },
  keyPointProgressTasks: { roles: 'ANY' },
  plans: { roles: 'ANY' },
  publicPagePlans: { roles: OFFICE },
  report: { roles: 'ANY', kinds: { id: 'report' } },
  reports: { roles: 'ANY' },
  review: { roles: READERS, kinds: { id: 'review' } },
  reviewQueue: { roles: OFFICE },
  reviewSummary: { roles: READERS, kinds: { id: 'review' } },
  reviews: { roles: READERS },
  scoreRules: { roles: 'ANY' },
  scorecard: { roles: 'ANY' },
  scorecardTasks: { roles: 'ANY', values: { metric: 'OVERDUE_NOW' } },
  task: { roles: 'ANY', kinds: { id: 'task' } },
  tasks: { roles: 'ANY' },
  tenant: { roles: 'ANY' },
  unit: { roles: 'ANY', kinds: { id: 'unit' } },
  units: { roles: 'ANY' },
  urges: { roles: 'ANY' },
  users: { roles: [...OFFICE, 'SECURITY_ADMIN'] },
  calendarYear: { roles: 'ANY' },
  calendarCoverage: { roles: 'ANY' },
  superviseProposals: { roles: READERS },
  rectificationTasks: { roles: 'ANY' },
  lightRecompute: { roles: OFFICE },
  messageSettings: { roles: ['OFFICE_ADMIN'] },
  messageRobots: { roles: ['OFFICE_ADMIN'] },
  messageReach: { roles: OFFICE },
  messageDeliveries: { roles: OFFICE },
  unsignedTaskCount: { roles: UNIT },
  lateSigning: { roles: READERS },
  supervisionNotices: { roles: 'ANY' },
  unitNameDecisions: { roles: OFFICE },
  tenantLinks: { roles: READERS },
  upperPlanPoints: { roles: READERS },
  keyPointUpperLinks: { roles: OFFICE },
  lowerCoverage: { roles: READERS },
  lowerRollupDetail: { roles: READERS },
  lowerUrges: { roles: READERS },
  upperUrges: { roles: READERS },
  upperShareSetting: { roles: READERS },
};

/** In positive-control order: edits before the deletes, publishes and sign-outs that end a row's life. */
export const MUTATION_POLICY: Record<string, OperationPolicy> = {
  acknowledgeUrge: { roles: UNIT, kinds: { id: 'urge' } },
  addInstruction: { roles: ['LEADERSHIP'] },
  addKeyPoint: { roles: OFFICE, kinds: { planId: 'draftPlan', sectionId: 'draftSection', parentId: 'draftKeyPoint' } },
  addKeyPointDeadline: { roles: OFFICE, kinds: { keyPointId: 'draftKeyPoint' } },
  addKeyPointUnit: { roles: OFFICE, kinds: { keyPointId: 'draftKeyPoint' }, values: { role: 'RESPONSIBLE' } },
  addPlanMilestone: { roles: OFFICE, kinds: { planId: 'draftPlan' } },
  updateKeyPoint: { roles: OFFICE, kinds: { id: 'draftKeyPoint', sectionId: 'draftSection' } },
  updateKeyPointDeadline: { roles: OFFICE, kinds: { id: 'deadline' } },
  setKeyPointUnit: { roles: OFFICE, kinds: { id: 'kpUnit' } },
  updatePlan: { roles: OFFICE, kinds: { id: 'draftPlan' } },
  createPlan: { roles: OFFICE },
  markSource: { roles: OFFICE, kinds: { planId: 'draftPlan' } },
  // The world's draft names '测试' unresolved: dropping it is the positive control.
  resolveUnitName: { roles: OFFICE, kinds: { planId: 'draftPlan', unitIds: 'unit' }, values: { action: 'DROP' } },
  // Removing key point 2's only unit would be refused for its own reason: the id argument carries the isolation check.
  amendKeyPoint: {
    roles: OFFICE,
    kinds: { id: 'keyPoint' },
    values: { reason: '调整完成时限', dueDate: `${YEAR}-12-25`, removeUnitIds: [] },
  },
  checkEvidence: { roles: OFFICE },
  createUnit: { roles: OFFICE, kinds: { parentId: 'unit' } },
  updateUnit: { roles: OFFICE, kinds: { id: 'otherUnit', parentId: 'unit' } },
  createUser: {
    roles: ['OFFICE_ADMIN'],
    values: { role: 'UNIT_LIAISON', username: 'new.user', email: 'new-user@example.com' },
  },
  updateUser: { roles: ['OFFICE_ADMIN', 'SECURITY_ADMIN'], kinds: { id: 'user' } },
  resetPassword: { roles: ['OFFICE_ADMIN', 'SECURITY_ADMIN'] },
  resetTwoFactor: { roles: ['SECURITY_ADMIN'] },
  unlockUser: { roles: ['SECURITY_ADMIN'] },
  // The world's accounts were made today, so none is unused: the positive run deactivates nothing.
  disableUnusedAccounts: { roles: ['SECURITY_ADMIN'] },
  beginTwoFactorEnrolment: { roles: 'ANY', self: 'sets up the caller’s own second factor' },
  confirmTwoFactorEnrolment: {
    roles: 'ANY',
    self: 'the caller’s own enrolment',
    noPositive:
      'a valid code comes from the secret the caller’s app holds (proven in auth/two-factor.integration-spec)',
  },
  decideDelay: { roles: OFFICE, kinds: { id: 'delay' }, values: { approve: true } },
  leaderDecideReport: { roles: ['UNIT_LEADER'], kinds: { id: 'leaderReport' }, values: { approve: true } },
  reviewReport: { roles: OFFICE, kinds: { id: 'report' }, values: { accept: true } },
  requestDelay: {
    roles: UNIT,
    values: { reason: '需要协调其他部门' },
    noPositive: 'the world already has a pending request on this task (one at a time)',
  },
  submitReport: { roles: UNIT, values: { progress: 60, evidenceUrls: ['http://127.0.0.1:9/a.html'] } },
  urgeTask: { roles: OFFICE, values: { message: '请抓紧落实' } },
  withdrawDelay: {
    roles: UNIT,
    kinds: { id: 'delay' },
    noPositive: 'decideDelay already decided the request in the positive run',
  },
  updateScoreRules: { roles: ['OFFICE_ADMIN'] },
  updateTenantSettings: { roles: ['OFFICE_ADMIN'], versionOf: 'tenant' },
  updateSsoSettings: {
    roles: ['OFFICE_ADMIN'],
    values: {
      enabled: false,
      issuer: 'https://sso.example.gov.cn',
      clientId: 'duban',
      claim: 'preferred_username',
      matchField: 'USERNAME',
      defaultRole: 'UNIT_LIAISON',
      version: 0,
    },
  },
  updateSecurityPolicy: {
    roles: ['SECURITY_ADMIN'],
    // The world's tenant is made with two-factor off, so its policy is stored (version 1).
    values: { ...DEFAULT_SECURITY_POLICY, twoFactorRoles: [], version: 1 },
  },
  setPlanPublicPage: { roles: OFFICE, values: { enabled: true } },
  openReview: {
    roles: OFFICE,
    kinds: { planId: 'plan' },
    noPositive: 'the world already has an open review of this plan (one at a time)',
  },
  // Out and back in before the verdict: a judged item cannot be taken out.
  excludeReviewItem: { roles: OFFICE, values: { reason: '该项工作已取消' } },
  includeReviewItem: { roles: OFFICE },
  recordVerdict: { roles: OFFICE, values: { verdict: 'IMPLEMENTED' } },
  completeReview: { roles: OFFICE, kinds: { id: 'review' } },
  closeTask: { roles: OFFICE, kinds: { taskId: 'doneTask' }, versionOf: 'doneTask' },
  reopenTask: { roles: OFFICE, kinds: { taskId: 'doneTask' }, versionOf: 'doneTask', values: { reason: '整改未到位' } },
  closeTasks: {
    roles: OFFICE,
    kinds: { taskId: 'doneTask' },
    versionOf: 'doneTask',
    values: { note: '集中销号' },
    noPositive:
      'closeTask closed and reopenTask reopened the one accepted task in the positive run (closeTasks is the same path)',
  },
  setCalendarDay: { roles: OFFICE, values: { date: `${YEAR}-12-19` } },
  removeCalendarCorrection: { roles: OFFICE, versionOf: 'calendarCorrection' },
  confirmCalendarYear: { roles: OFFICE },
  setCalendarRange: { roles: OFFICE, values: { from: `${YEAR}-12-20`, to: `${YEAR}-12-21`, workday: false } },
  importHolidayNotice: {
    roles: OFFICE,
    values: { text: '一、元旦：1月1日放假，共1天。', year: YEAR + 1, dryRun: true },
  },
  releaseLeaderlessReports: { roles: OFFICE },
  removeKeyPointDeadline: { roles: OFFICE, kinds: { id: 'deadline' } },
  removeKeyPointUnit: { roles: OFFICE, kinds: { id: 'kpUnit' } },
  removePlanMilestone: { roles: OFFICE, kinds: { id: 'milestone' } },
  deleteKeyPoint: { roles: OFFICE, kinds: { id: 'draftKeyPoint' } },
  deletePlanSection: { roles: OFFICE, kinds: { id: 'draftSection' }, versionOf: 'draftPlan' },
  forgetUnitNameDecision: { roles: OFFICE, kinds: { id: 'nameDecision' } },
  publishPlan: {
    roles: OFFICE,
    kinds: { id: 'draftPlan' },
    noPositive: 'the draft lost its key point to deleteKeyPoint in the positive run',
  },
  deletePlan: { roles: OFFICE, kinds: { id: 'draftPlan' } },
  deactivateUnit: { roles: OFFICE, kinds: { id: 'otherUnit', moveOpenTasksTo: 'unit' } },
  deleteUnit: { roles: OFFICE, kinds: { id: 'otherUnit' } },
  // After deleteUnit: the liaisons it creates would be users of the unit deleteUnit removes.
  createMissingLiaisons: { roles: ['OFFICE_ADMIN'] },
  updateMessageSettings: { roles: ['OFFICE_ADMIN'], versionOf: 'messageConfig' },
  testWorkApp: { roles: ['OFFICE_ADMIN'] },
  testMessageRobot: { roles: ['OFFICE_ADMIN'], kinds: { id: 'robot' } },
  saveMessageRobot: {
    roles: ['OFFICE_ADMIN'],
    kinds: { id: 'robot' },
    versionOf: 'robot',
    values: {
      webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=abc',
      kinds: ['URGE'],
      version: '__version__',
    },
  },
  deleteMessageRobot: { roles: ['OFFICE_ADMIN'], kinds: { id: 'robot' } },
  signTasks: { roles: UNIT },
  // Before the link is ended below: ending it empties the mirror's copy of its upper's key points.
  setKeyPointUpperLinks: { roles: OFFICE, versionOf: 'keyPointLinks' },
  startPlanFromUpper: { roles: OFFICE },
  createTenantLinkInvite: { roles: ['OFFICE_ADMIN'] },
  revokeTenantLinkInvite: { roles: ['OFFICE_ADMIN'], kinds: { id: 'linkInvite' } },
  acceptTenantLinkInvite: {
    roles: ['OFFICE_ADMIN'],
    values: { code: 'K7QM-3XHD-P9TA' },
    noPositive:
      'a code is shown once to the upper office that made it (accepting is proven in levels/tenant-link.integration-spec)',
  },
  setUpperShareSetting: {
    roles: ['OFFICE_ADMIN'],
    versionOf: 'shareSetting',
    values: { input: { shareReportText: false, shareReportFiles: false } },
  },
  urgeLowerTenant: { roles: OFFICE, values: { message: '请抓紧落实这项工作要点' } },
  acknowledgeUpperUrge: { roles: OFFICE, kinds: { id: 'upperUrge' } },
  endLowerTenantLink: { roles: ['OFFICE_ADMIN'] },
  endUpperTenantLink: { roles: ['OFFICE_ADMIN'] },
  issueSupervisionNotice: { roles: OFFICE, kinds: { unitId: 'unit' } },
  markNotificationsRead: { roles: 'ANY', self: 'marks only the caller’s own notifications', owner: 'liaisonB' },
  updateNotificationPreferences: {
    roles: 'ANY',
    self: 'the caller’s own preferences',
    values: { mutedKinds: [], version: 0 },
  },
  changePassword: {
    roles: 'ANY',
    self: 'the caller’s own password',
    owner: 'officeStaff',
    values: { currentPassword: 'Passw0rd!', newPassword: NEW_PASSWORD },
  },
  signIn: {
    roles: 'ANY',
    public: 'authenticates; the tenant code decides the tenant',
    noPositive: 'the generated credentials are not real',
  },
  signOut: { roles: 'ANY', self: 'ends the caller’s own session', owner: 'leadership' },
};

/** A multipart form: at most one file (field `file`) and text fields. */
export interface UploadForm {
  file?: { name: string; bytes: Buffer };
  fields?: Record<string, string>;
}

/**
 * Who may call each plain-HTTP POST endpoint (all multipart, behind the session, the role and the CSRF
 * header), and a valid form for the positive control. The upload-endpoint test fails for a POST route
 * of the app missing here, so a new endpoint cannot ship without someone deciding who may call it.
 */
export interface UploadPolicy {
  roles: readonly Role[];
  /** The path to call, for a route with parameters. */
  path?: string;
  /** A valid form in `world` (it may create the rows it names). */
  form: (world: TenantWorld, f: Factory, db: pg.Pool) => Promise<UploadForm>;
  /** The form names rows of the world's tenant: another tenant's office admin sending it must be refused. */
  namesRows?: boolean;
}

const csvOf = (lines: string[]) => Buffer.from(lines.join('\n'));

export const UPLOAD_POLICY: Record<string, UploadPolicy> = {
  'POST /files': {
    roles: [...OFFICE, ...UNIT],
    form: async () => ({ file: { name: '佐证.txt', bytes: Buffer.from('已在门户网站公开') } }),
  },
  'POST /imports/plan': {
    roles: OFFICE,
    form: async () => ({
      fields: { year: String(YEAR), text: '一、加强政策解读\n(一)做好政策解读工作。(牵头单位:市发展改革委)' },
    }),
  },
  'POST /imports/plan/choices': {
    roles: OFFICE,
    form: async () => ({
      file: {
        name: '要点.txt',
        bytes: Buffer.from('2026年工作要点\n一、加强政策解读\n(一)做好政策解读工作。(牵头单位:市发展改革委)'),
      },
    }),
  },
  'POST /imports/units': {
    roles: OFFICE,
    form: async () => ({
      file: { name: '单位.csv', bytes: csvOf(['单位名称,类型', '新建局,部门']) },
      fields: { dryRun: 'true' },
    }),
  },
  'POST /accounts/import': {
    roles: ['OFFICE_ADMIN'],
    form: async (world) => ({
      file: { name: '账号.csv', bytes: csvOf(['单位,姓名,角色', `${world.unitA.name},张新,联络员`]) },
      fields: { dryRun: 'true' },
    }),
  },
  'POST /accounts/notices.:format': {
    roles: ['OFFICE_ADMIN'],
    path: '/accounts/notices.xlsx',
    namesRows: true,
    // A 开通通知 is for accounts still on their first password: a new one, as an import leaves it.
    form: async (world, f, db) => {
      const fresh = await f.user(world.tenant, 'UNIT_LIAISON', world.unitA);
      await db.query(`UPDATE app_user SET must_change_password = true WHERE id = $1`, [fresh.id]);
      return { fields: { accounts: JSON.stringify([{ userId: fresh.id, password: 'Abcdefgh2345' }]) } };
    },
  },
};
