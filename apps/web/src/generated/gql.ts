/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query AuditActors($filter: UserFilterInput) {\n    users(filter: $filter, first: 50) {\n      nodes {\n        id\n        username\n        displayName\n      }\n    }\n  }\n": typeof types.AuditActorsDocument,
    "\n  query AuditChainCheck {\n    auditChainCheck {\n      ok\n      verified\n      unchained\n      archivedThrough\n      lastSeq\n      pending\n      firstBreak {\n        seq\n        reason\n        id\n        at\n      }\n    }\n  }\n": typeof types.AuditChainCheckDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        seq\n        at\n        actorId\n        actorName\n        actorUsername\n        action\n        entityType\n        entityId\n        result\n        ip\n        userAgent\n        before\n        after\n        note\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      uri\n      qrDataUrl\n    }\n  }\n": typeof types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": typeof types.ChangePasswordDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code)\n  }\n": typeof types.ConfirmTwoFactorEnrolmentDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.MeDocument,
    "\n  query SignInOptions($tenantCode: String!) {\n    signInOptions(tenantCode: $tenantCode) {\n      sso\n      passwordAllowed\n    }\n  }\n": typeof types.SignInOptionsDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...ViewerFields\n    }\n  }\n": typeof types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": typeof types.SignOutDocument,
    "\n  fragment ViewerFields on ViewerModel {\n    id\n    username\n    displayName\n    role\n    roles\n    tenantId\n    tenantName\n    tenantDemo\n    unitId\n    unitName\n    csrfToken\n    mustChangePassword\n    ssoLogoutPath\n    passwordExpired\n    passwordRule\n    sessionIdleMinutes\n    twoFactorEnabled\n    mustEnrolTwoFactor\n    watermark\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query CalendarCoverage {\n    calendarCoverage {\n      year\n      covered\n    }\n  }\n": typeof types.CalendarCoverageDocument,
    "\n  query CalendarYear($year: Int!) {\n    calendarYear(year: $year) {\n      year\n      covered\n      confirmedByOffice\n      workingDayCount\n      days {\n        date\n        isWorkingDay\n        note\n        source\n        correctionVersion\n      }\n    }\n  }\n": typeof types.CalendarYearDocument,
    "\n  mutation ConfirmCalendarYear($year: Int!) {\n    confirmCalendarYear(year: $year) {\n      year\n      covered\n      confirmedByOffice\n      workingDayCount\n    }\n  }\n": typeof types.ConfirmCalendarYearDocument,
    "\n  mutation ImportHolidayNotice($input: HolidayNoticeInput!) {\n    importHolidayNotice(input: $input) {\n      year\n      saved\n      warnings\n      days {\n        date\n        workday\n        note\n        changes\n      }\n    }\n  }\n": typeof types.ImportHolidayNoticeDocument,
    "\n  mutation RemoveCalendarCorrection($date: String!, $version: Int!) {\n    removeCalendarCorrection(date: $date, version: $version) {\n      date\n      isWorkingDay\n      note\n      source\n      correctionVersion\n    }\n  }\n": typeof types.RemoveCalendarCorrectionDocument,
    "\n  mutation SetCalendarDay($input: SetCalendarDayInput!) {\n    setCalendarDay(input: $input) {\n      date\n      isWorkingDay\n      note\n      source\n      correctionVersion\n    }\n  }\n": typeof types.SetCalendarDayDocument,
    "\n  mutation SetCalendarRange($input: SetCalendarRangeInput!) {\n    setCalendarRange(input: $input) {\n      date\n      isWorkingDay\n      source\n      note\n      correctionVersion\n    }\n  }\n": typeof types.SetCalendarRangeDocument,
    "\n  mutation CreateMissingLiaisons($unitIds: [ID!]) {\n    createMissingLiaisons(unitIds: $unitIds) {\n      userId\n      username\n      displayName\n      role\n      unitName\n      password\n    }\n  }\n": typeof types.CreateMissingLiaisonsDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n      name\n      kind\n      active\n      aliases\n    }\n  }\n": typeof types.CreateUnitDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      generatedPassword\n      user {\n        ...UserRow\n      }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation DeactivateUnit($id: ID!, $version: Int!, $moveOpenTasksTo: ID) {\n    deactivateUnit(id: $id, version: $version, moveOpenTasksTo: $moveOpenTasksTo) {\n      unit {\n        ...DirectoryUnit\n      }\n      movedTasks\n      keptTasks\n    }\n  }\n": typeof types.DeactivateUnitDocument,
    "\n  mutation DeleteUnit($id: ID!, $version: Int!) {\n    deleteUnit(id: $id, version: $version)\n  }\n": typeof types.DeleteUnitDocument,
    "\n  query DirectoryUnits($filter: UnitFilterInput) {\n    units(filter: $filter) {\n      ...DirectoryUnit\n    }\n  }\n": typeof types.DirectoryUnitsDocument,
    "\n  mutation ResetPassword($userId: ID!) {\n    resetPassword(userId: $userId)\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation ResetTwoFactor($userId: ID!) {\n    resetTwoFactor(userId: $userId)\n  }\n": typeof types.ResetTwoFactorDocument,
    "\n  query TenantCode {\n    tenant {\n      id\n      code\n    }\n  }\n": typeof types.TenantCodeDocument,
    "\n  fragment DirectoryUnit on Unit {\n    id\n    version\n    name\n    kind\n    active\n    aliases\n    parentId\n    sort\n    people {\n      id\n      displayName\n      role\n      phone\n      lastSignInAt\n    }\n  }\n": typeof types.DirectoryUnitFragmentDoc,
    "\n  query UnitUsage($id: ID!) {\n    unit(id: $id) {\n      id\n      version\n      usage {\n        activePeople\n        openTasks\n      }\n    }\n  }\n": typeof types.UnitUsageDocument,
    "\n  query Units($filter: UnitFilterInput) {\n    units(filter: $filter) {\n      id\n      name\n      kind\n      active\n      aliases\n    }\n  }\n": typeof types.UnitsDocument,
    "\n  mutation UnlockUser($userId: ID!) {\n    unlockUser(userId: $userId)\n  }\n": typeof types.UnlockUserDocument,
    "\n  mutation UpdateUnit($id: ID!, $input: UpdateUnitInput!, $version: Int!) {\n    updateUnit(id: $id, input: $input, version: $version) {\n      ...DirectoryUnit\n    }\n  }\n": typeof types.UpdateUnitDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $version: Int!) {\n    updateUser(id: $id, input: $input, version: $version) {\n      ...UserRow\n    }\n  }\n": typeof types.UpdateUserDocument,
    "\n  fragment UserRow on User {\n    id\n    version\n    username\n    displayName\n    role\n    roles\n    unitId\n    unit {\n      id\n      name\n    }\n    email\n    phone\n    wecomUserid\n    dingtalkUserid\n    active\n    locked\n    twoFactorEnabled\n    mustChangePassword\n    createdAt\n    lastSignInAt\n  }\n": typeof types.UserRowFragmentDoc,
    "\n  query Users($filter: UserFilterInput, $first: Int, $after: String, $sort: UserSort, $descending: Boolean) {\n    users(filter: $filter, first: $first, after: $after, sort: $sort, descending: $descending) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...UserRow\n      }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation AcceptTenantLinkInvite($code: String!) {\n    acceptTenantLinkInvite(code: $code) {\n      ...TenantLinksParts\n    }\n  }\n": typeof types.AcceptTenantLinkInviteDocument,
    "\n  mutation AcknowledgeUpperUrge($id: ID!) {\n    acknowledgeUpperUrge(id: $id) {\n      ...UpperUrgeParts\n    }\n  }\n": typeof types.AcknowledgeUpperUrgeDocument,
    "\n  mutation CreateTenantLinkInvite($note: String) {\n    createTenantLinkInvite(note: $note) {\n      code\n      invite {\n        id\n        note\n        createdAt\n        expiresAt\n      }\n    }\n  }\n": typeof types.CreateTenantLinkInviteDocument,
    "\n  mutation EndLowerTenantLink($tenantId: ID!) {\n    endLowerTenantLink(tenantId: $tenantId) {\n      ...TenantLinksParts\n    }\n  }\n": typeof types.EndLowerTenantLinkDocument,
    "\n  mutation EndUpperTenantLink($upperTenantId: ID!) {\n    endUpperTenantLink(upperTenantId: $upperTenantId) {\n      ...TenantLinksParts\n    }\n  }\n": typeof types.EndUpperTenantLinkDocument,
    "\n  query KeyPointUpperLinks($planId: ID!) {\n    upperPlanPoints {\n      ...UpperPlanPointParts\n    }\n    keyPointUpperLinks(planId: $planId) {\n      ...KeyPointUpperLinksParts\n    }\n  }\n": typeof types.KeyPointUpperLinksDocument,
    "\n  query LowerCoverage($year: Int) {\n    lowerCoverage(year: $year) {\n      year\n      points {\n        keyPointId\n        label\n        title\n        coveredBy\n        counts {\n          ...LowerRollupCountsParts\n        }\n        lowerKeyPoints\n        lowerTasks\n        lowerRed\n        lowerDone\n        lowerOverdue\n      }\n      lowers {\n        tenantId\n        name\n        covered\n        share\n      }\n    }\n  }\n\n  fragment LowerRollupCountsParts on LowerRollupCounts {\n    tasks\n    green\n    yellow\n    red\n    doneShare\n    overdue\n    overdueUnitCount\n    lastReportOn\n  }\n": typeof types.LowerCoverageDocument,
    "\n  query LowerRollupDetail($keyPointId: ID!) {\n    lowerRollupDetail(keyPointId: $keyPointId) {\n      id\n      lowerTenantId\n      lowerTenantName\n      label\n      title\n      tasks {\n        id\n        unitName\n        status\n        light\n        dueDate\n        lastReportOn\n        overdue\n        sharedReport {\n          text\n          attachments {\n            fileId\n            filename\n          }\n          reportOn\n        }\n      }\n    }\n  }\n": typeof types.LowerRollupDetailDocument,
    "\n  fragment LowerUrgeParts on LowerUrge {\n    id\n    lowerTenantId\n    lowerTenantName\n    keyPointId\n    keyPointLabel\n    keyPointTitle\n    situation\n    message\n    createdByName\n    createdAt\n    acknowledgedAt\n    acknowledgedByName\n  }\n": typeof types.LowerUrgePartsFragmentDoc,
    "\n  query LowerUrges($unacknowledged: Boolean, $first: Int, $after: String) {\n    lowerUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...LowerUrgeParts\n      }\n    }\n  }\n": typeof types.LowerUrgesDocument,
    "\n  mutation RevokeTenantLinkInvite($id: ID!) {\n    revokeTenantLinkInvite(id: $id) {\n      ...TenantLinksParts\n    }\n  }\n": typeof types.RevokeTenantLinkInviteDocument,
    "\n  mutation SetKeyPointUpperLinks($keyPointId: ID!, $upperPointIds: [ID!]!, $version: Int!) {\n    setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds, version: $version) {\n      ...KeyPointUpperLinksParts\n    }\n  }\n": typeof types.SetKeyPointUpperLinksDocument,
    "\n  mutation SetUpperShareSetting($input: UpperShareSettingInput!, $version: Int!) {\n    setUpperShareSetting(input: $input, version: $version) {\n      shareReportText\n      shareReportFiles\n      version\n    }\n  }\n": typeof types.SetUpperShareSettingDocument,
    "\n  mutation StartPlanFromUpper($year: Int) {\n    startPlanFromUpper(year: $year) {\n      id\n      title\n    }\n  }\n": typeof types.StartPlanFromUpperDocument,
    "\n  fragment TenantLinksParts on TenantLinks {\n    upper {\n      id\n      name\n      linkedAt\n    }\n    lowers {\n      id\n      name\n      linkedAt\n    }\n    invites {\n      id\n      note\n      createdAt\n      expiresAt\n    }\n  }\n": typeof types.TenantLinksPartsFragmentDoc,
    "\n  query TenantLinks {\n    tenantLinks {\n      ...TenantLinksParts\n    }\n  }\n": typeof types.TenantLinksDocument,
    "\n  fragment UpperPlanPointParts on UpperPlanPoint {\n    id\n    planYear\n    planTitle\n    sectionTitle\n    seq\n    label\n    title\n  }\n": typeof types.UpperPlanPointPartsFragmentDoc,
    "\n  fragment KeyPointUpperLinksParts on KeyPointUpperLinks {\n    keyPointId\n    version\n    linked {\n      ...UpperPlanPointParts\n    }\n    proposed {\n      score\n      point {\n        ...UpperPlanPointParts\n      }\n    }\n  }\n": typeof types.KeyPointUpperLinksPartsFragmentDoc,
    "\n  query UpperPlanPoints {\n    upperPlanPoints {\n      ...UpperPlanPointParts\n    }\n  }\n": typeof types.UpperPlanPointsDocument,
    "\n  query UpperShareSetting {\n    upperShareSetting {\n      shareReportText\n      shareReportFiles\n      version\n    }\n  }\n": typeof types.UpperShareSettingDocument,
    "\n  fragment UpperUrgeParts on UpperUrge {\n    id\n    upperTenantName\n    keyPointLabel\n    keyPointTitle\n    situation\n    message\n    senderName\n    createdAt\n    acknowledgedAt\n    acknowledgedByName\n    linkedKeyPoints {\n      id\n      planId\n      label\n      title\n    }\n  }\n": typeof types.UpperUrgePartsFragmentDoc,
    "\n  query UpperUrges($unacknowledged: Boolean, $first: Int, $after: String) {\n    upperUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...UpperUrgeParts\n      }\n    }\n  }\n": typeof types.UpperUrgesDocument,
    "\n  mutation UrgeLowerTenant($lowerTenantId: ID!, $keyPointId: ID!, $message: String!) {\n    urgeLowerTenant(lowerTenantId: $lowerTenantId, keyPointId: $keyPointId, message: $message) {\n      ...LowerUrgeParts\n    }\n  }\n": typeof types.UrgeLowerTenantDocument,
    "\n  mutation DeleteMessageRobot($id: ID!, $version: Int!) {\n    deleteMessageRobot(id: $id, version: $version)\n  }\n": typeof types.DeleteMessageRobotDocument,
    "\n  query MessageDeliveries($status: DeliveryStatus, $first: Int, $after: String) {\n    messageDeliveries(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n": typeof types.MessageDeliveriesDocument,
    "\n  fragment MessageDeliveryFields on MessageDelivery {\n    id\n    channel\n    kind\n    title\n    recipientName\n    robotName\n    status\n    attempts\n    lastError\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n": typeof types.MessageDeliveryFieldsFragmentDoc,
    "\n  query MessageReach($kind: NotificationKind!, $unitIds: [ID!], $planId: ID) {\n    messageReach(kind: $kind, unitIds: $unitIds, planId: $planId) {\n      unreachableUnitNames\n      robotNames\n      units {\n        unitId\n        unitName\n        people {\n          name\n          role\n          channels\n        }\n      }\n    }\n  }\n": typeof types.MessageReachDocument,
    "\n  query MessageRobots {\n    messageRobots {\n      id\n      name\n      platform\n      kinds\n      enabled\n      webhookMasked\n      signSecretMasked\n      version\n      lastDelivery {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n": typeof types.MessageRobotsDocument,
    "\n  fragment MessageSettingsFields on MessageSettings {\n    wecom {\n      appId\n      agentId\n      secretMasked\n    }\n    dingtalk {\n      appId\n      agentId\n      secretMasked\n    }\n    defaultChannels {\n      kind\n      channels\n    }\n    workStart\n    workEnd\n    emailAvailable\n    version\n  }\n": typeof types.MessageSettingsFieldsFragmentDoc,
    "\n  query MessageSettings {\n    messageSettings {\n      ...MessageSettingsFields\n    }\n  }\n": typeof types.MessageSettingsDocument,
    "\n  mutation SaveMessageRobot($input: SaveMessageRobotInput!) {\n    saveMessageRobot(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.SaveMessageRobotDocument,
    "\n  query TaskMessages($id: ID!) {\n    task(id: $id) {\n      id\n      messages {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n": typeof types.TaskMessagesDocument,
    "\n  mutation TestMessageRobot($id: ID!) {\n    testMessageRobot(id: $id) {\n      delivered\n      code\n      detail\n      answer\n    }\n  }\n": typeof types.TestMessageRobotDocument,
    "\n  mutation TestWorkApp($platform: RobotPlatform!) {\n    testWorkApp(platform: $platform) {\n      delivered\n      code\n      detail\n      answer\n    }\n  }\n": typeof types.TestWorkAppDocument,
    "\n  mutation UpdateMessageSettings($input: UpdateMessageSettingsInput!, $version: Int!) {\n    updateMessageSettings(input: $input, version: $version) {\n      ...MessageSettingsFields\n    }\n  }\n": typeof types.UpdateMessageSettingsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      marked\n      unreadCount\n    }\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  fragment NotificationPreferencesFields on NotificationPreferences {\n    emailDigest\n    mutedKinds\n    quietHours\n    reachableChannels\n    channels {\n      kind\n      channels\n    }\n    version\n  }\n": typeof types.NotificationPreferencesFieldsFragmentDoc,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      ...NotificationPreferencesFields\n    }\n  }\n": typeof types.NotificationPreferencesDocument,
    "\n  query Notifications($unreadOnly: Boolean, $kinds: [NotificationKind!], $first: Int, $after: String) {\n    notifications(unreadOnly: $unreadOnly, kinds: $kinds, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        taskId\n        groupCount\n      }\n    }\n  }\n": typeof types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": typeof types.UnreadNotificationCountDocument,
    "\n  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...NotificationPreferencesFields\n    }\n  }\n": typeof types.UpdateNotificationPreferencesDocument,
    "\n  mutation AddInstruction($keyPointId: ID!, $text: String!, $idempotencyKey: String) {\n    addInstruction(keyPointId: $keyPointId, text: $text, idempotencyKey: $idempotencyKey) {\n      id\n      keyPointId\n      text\n      authorName\n      createdAt\n    }\n  }\n": typeof types.AddInstructionDocument,
    "\n  mutation AddKeyPointDeadline($keyPointId: ID!, $version: Int!, $input: DeadlineInput!) {\n    addKeyPointDeadline(keyPointId: $keyPointId, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.AddKeyPointDeadlineDocument,
    "\n  mutation AddKeyPointUnit($keyPointId: ID!, $version: Int!, $unitId: ID!, $role: TaskRole!) {\n    addKeyPointUnit(keyPointId: $keyPointId, version: $version, unitId: $unitId, role: $role) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.AddKeyPointUnitDocument,
    "\n  mutation AddKeyPoint($input: AddKeyPointInput!) {\n    addKeyPoint(input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.AddKeyPointDocument,
    "\n  mutation AddPlanMilestone($planId: ID!, $version: Int!, $input: DeadlineInput!) {\n    addPlanMilestone(planId: $planId, version: $version, input: $input) {\n      id\n      version\n      milestones {\n        id\n        text\n        date\n      }\n    }\n  }\n": typeof types.AddPlanMilestoneDocument,
    "\n  mutation AmendKeyPoint($id: ID!, $version: Int!, $input: AmendKeyPointInput!) {\n    amendKeyPoint(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.AmendKeyPointDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.CreatePlanDocument,
    "\n  mutation DeleteKeyPoint($id: ID!, $version: Int!) {\n    deleteKeyPoint(id: $id, version: $version)\n  }\n": typeof types.DeleteKeyPointDocument,
    "\n  mutation DeletePlanSection($id: ID!, $version: Int!) {\n    deletePlanSection(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n": typeof types.DeletePlanSectionDocument,
    "\n  mutation DeletePlan($id: ID!, $version: Int!) {\n    deletePlan(id: $id, version: $version)\n  }\n": typeof types.DeletePlanDocument,
    "\n  fragment DraftKeyPoint on KeyPoint {\n    id\n    version\n    seq\n    label\n    title\n    text\n    sectionId\n    parentId\n    dueDate\n    deadlines {\n      id\n      text\n      date\n    }\n    units {\n      id\n      role\n      rawName\n      resolution\n      impliedFrom\n      unit {\n        id\n        name\n      }\n      candidates {\n        score\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DraftKeyPointFragmentDoc,
    "\n  fragment DraftUnitNameFields on DraftUnitName {\n    name\n    keyPoints\n    unresolvedKeyPoints\n    suggestedKind\n    units {\n      id\n      name\n    }\n    candidates {\n      score\n      unit {\n        id\n        name\n      }\n    }\n    decision {\n      id\n      action\n      kind\n    }\n  }\n": typeof types.DraftUnitNameFieldsFragmentDoc,
    "\n  mutation ForgetUnitNameDecision($id: ID!) {\n    forgetUnitNameDecision(id: $id)\n  }\n": typeof types.ForgetUnitNameDecisionDocument,
    "\n  mutation MarkSource($planId: ID!, $version: Int!, $input: MarkSourceInput!) {\n    markSource(planId: $planId, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.MarkSourceDocument,
    "\n  query PlanDraft($id: ID!) {\n    plan(id: $id) {\n      ...PlanHeaderFields\n      status\n      sourceText\n      sourceFilename\n      parseWarnings\n      unresolvedCount\n      publishedAt\n      defaultDueDate\n      duplicatePlans {\n        id\n        title\n        status\n      }\n      sections {\n        id\n        label\n        title\n        sort\n      }\n      milestones {\n        id\n        text\n        date\n      }\n      keyPoints {\n        ...DraftKeyPoint\n      }\n      publishPreview {\n        ...PublishPreviewFields\n      }\n      unitNames {\n        ...DraftUnitNameFields\n      }\n    }\n  }\n": typeof types.PlanDraftDocument,
    "\n  fragment PlanHeaderFields on Plan {\n    id\n    version\n    title\n    year\n    docNumber\n    issuer\n    parentPlanId\n  }\n": typeof types.PlanHeaderFieldsFragmentDoc,
    "\n  query PlanProgress($planId: ID!) {\n    planProgress(planId: $planId) {\n      plan {\n        id\n        title\n        year\n      }\n      sections {\n        sectionId\n        label\n        title\n        keyPoints {\n          keyPointId\n          label\n          title\n          parentId\n          dueDate\n          taskCount\n          averageProgress\n          leadUnitIds\n          byLight {\n            light\n            count\n          }\n          byStatus {\n            status\n            count\n          }\n        }\n      }\n      units {\n        unitId\n        unit {\n          id\n          name\n        }\n        taskCount\n        averageProgress\n        byLight {\n          light\n          count\n        }\n      }\n    }\n  }\n": typeof types.PlanProgressDocument,
    "\n  query KeyPointProgressTasks($keyPointId: ID!) {\n    keyPointProgressTasks(keyPointId: $keyPointId) {\n      taskId\n      unitId\n      role\n      status\n      progress\n      light\n      dueDate\n      unit {\n        id\n        name\n      }\n    }\n  }\n": typeof types.KeyPointProgressTasksDocument,
    "\n  query PlanSections($id: ID!) {\n    plan(id: $id) {\n      id\n      sections {\n        id\n        label\n        title\n      }\n    }\n  }\n": typeof types.PlanSectionsDocument,
    "\n  query Plans($status: PlanStatus, $first: Int, $after: String) {\n    plans(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        title\n        year\n        status\n        docNumber\n        version\n        createdAt\n        publishedAt\n        unresolvedCount\n      }\n    }\n  }\n": typeof types.PlansDocument,
    "\n  mutation PublishPlan($id: ID!, $version: Int!) {\n    publishPlan(id: $id, version: $version) {\n      id\n      status\n      version\n      publishedAt\n    }\n  }\n": typeof types.PublishPlanDocument,
    "\n  fragment PublishPreviewFields on PublishPreview {\n    keyPoints\n    tasksToCreate\n    unitsInvolved\n    keyPointsWithoutUnits\n    unresolvedNames\n    unresolvedOccurrences\n    unitsWithoutLiaison {\n      id\n      name\n    }\n    pastTimeLimits {\n      keyPointId\n      label\n      title\n      text\n      date\n      isDueDate\n    }\n  }\n": typeof types.PublishPreviewFieldsFragmentDoc,
    "\n  query PublishPreview($id: ID!) {\n    plan(id: $id) {\n      id\n      version\n      unresolvedCount\n      publishPreview {\n        ...PublishPreviewFields\n      }\n      unitNames {\n        ...DraftUnitNameFields\n      }\n    }\n  }\n": typeof types.PublishPreviewDocument,
    "\n  mutation RemoveKeyPointDeadline($id: ID!, $version: Int!) {\n    removeKeyPointDeadline(id: $id, version: $version) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.RemoveKeyPointDeadlineDocument,
    "\n  mutation RemoveKeyPointUnit($id: ID!, $version: Int!) {\n    removeKeyPointUnit(id: $id, version: $version) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.RemoveKeyPointUnitDocument,
    "\n  mutation RemovePlanMilestone($id: ID!, $version: Int!) {\n    removePlanMilestone(id: $id, version: $version) {\n      id\n      version\n      milestones {\n        id\n        text\n        date\n      }\n    }\n  }\n": typeof types.RemovePlanMilestoneDocument,
    "\n  mutation ResolveUnitName($planId: ID!, $version: Int!, $input: ResolveUnitNameInput!) {\n    resolveUnitName(planId: $planId, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": typeof types.ResolveUnitNameDocument,
    "\n  mutation SetKeyPointUnit($id: ID!, $version: Int!, $unitId: ID, $role: TaskRole) {\n    setKeyPointUnit(id: $id, version: $version, unitId: $unitId, role: $role) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.SetKeyPointUnitDocument,
    "\n  query UnitNameDecisions {\n    unitNameDecisions {\n      id\n      name\n      action\n      unitIds\n      kind\n      updatedAt\n    }\n  }\n": typeof types.UnitNameDecisionsDocument,
    "\n  mutation UpdateKeyPointDeadline($id: ID!, $version: Int!, $input: DeadlineInput!) {\n    updateKeyPointDeadline(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.UpdateKeyPointDeadlineDocument,
    "\n  mutation UpdateKeyPoint($id: ID!, $version: Int!, $input: UpdateKeyPointInput!) {\n    updateKeyPoint(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": typeof types.UpdateKeyPointDocument,
    "\n  mutation UpdatePlan($id: ID!, $version: Int!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, version: $version, input: $input) {\n      ...PlanHeaderFields\n    }\n  }\n": typeof types.UpdatePlanDocument,
    "\n  query PublicPagePlans {\n    publicPagePlans {\n      id\n      year\n      title\n      publicPage\n      path\n      version\n    }\n  }\n": typeof types.PublicPagePlansDocument,
    "\n  mutation SetPlanPublicPage($planId: ID!, $enabled: Boolean!, $version: Int!) {\n    setPlanPublicPage(planId: $planId, enabled: $enabled, version: $version) {\n      id\n      publicPage\n      path\n      version\n    }\n  }\n": typeof types.SetPlanPublicPageDocument,
    "\n  mutation CheckEvidence($reportId: ID!) {\n    checkEvidence(reportId: $reportId) {\n      id\n      checkStatus\n      checkTitle\n      pageDate\n      checkedAt\n    }\n  }\n": typeof types.CheckEvidenceDocument,
    "\n  mutation LeaderDecideReport($id: ID!, $version: Int!, $input: LeaderDecisionInput!) {\n    leaderDecideReport(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      leaderComment\n    }\n  }\n": typeof types.LeaderDecideReportDocument,
    "\n  query LeaderQueueCount {\n    leaderQueue(first: 1) {\n      totalCount\n    }\n  }\n": typeof types.LeaderQueueCountDocument,
    "\n  query LeaderQueue($first: Int, $after: String) {\n    leaderQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReportQueueItem\n      }\n    }\n  }\n": typeof types.LeaderQueueDocument,
    "\n  query ReportEvidenceFlags($id: ID!) {\n    report(id: $id) {\n      id\n      evidenceFlags {\n        code\n        message\n      }\n    }\n  }\n": typeof types.ReportEvidenceFlagsDocument,
    "\n  fragment ReportQueueItem on ProgressReport {\n    id\n    version\n    status\n    text\n    progress\n    claimsCompletion\n    leaderSkipped\n    submittedAt\n    authorName\n    unit {\n      id\n      name\n    }\n    task {\n      id\n      keyPoint {\n        id\n        label\n        title\n      }\n    }\n    evidence {\n      id\n      kind\n      url\n      file {\n        id\n        filename\n        sizeBytes\n      }\n    }\n  }\n": typeof types.ReportQueueItemFragmentDoc,
    "\n  query ReviewQueue($first: Int, $after: String) {\n    reviewQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReportQueueItem\n      }\n    }\n  }\n": typeof types.ReviewQueueDocument,
    "\n  mutation ReviewReport($id: ID!, $version: Int!, $input: ReviewReportInput!) {\n    reviewReport(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      reviewComment\n      reviewedAt\n    }\n  }\n": typeof types.ReviewReportDocument,
    "\n  mutation SubmitReport($taskId: ID!, $input: SubmitReportInput!, $idempotencyKey: String) {\n    submitReport(taskId: $taskId, input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n": typeof types.SubmitReportDocument,
    "\n  mutation CompleteReview($id: ID!, $version: Int!) {\n    completeReview(id: $id, version: $version) {\n      ...ReviewFields\n    }\n  }\n": typeof types.CompleteReviewDocument,
    "\n  mutation ExcludeReviewItem($itemId: ID!, $version: Int!, $reason: String!) {\n    excludeReviewItem(itemId: $itemId, version: $version, reason: $reason) {\n      ...ReviewItemRow\n    }\n  }\n": typeof types.ExcludeReviewItemDocument,
    "\n  mutation IncludeReviewItem($itemId: ID!, $version: Int!) {\n    includeReviewItem(itemId: $itemId, version: $version) {\n      ...ReviewItemRow\n    }\n  }\n": typeof types.IncludeReviewItemDocument,
    "\n  mutation OpenReview($input: OpenReviewInput!) {\n    openReview(input: $input) {\n      ...ReviewFields\n    }\n  }\n": typeof types.OpenReviewDocument,
    "\n  mutation RecordVerdict($input: RecordVerdictInput!) {\n    recordVerdict(input: $input) {\n      ...ReviewItemRow\n    }\n  }\n": typeof types.RecordVerdictDocument,
    "\n  fragment ReviewFields on Review {\n    id\n    version\n    title\n    status\n    planId\n    openedAt\n    completedAt\n    itemCount\n    untimedTaskCount\n    plan {\n      id\n      title\n      year\n    }\n    progress {\n      total\n      recorded\n      pending\n      excluded\n      implemented\n      partial\n      notImplemented\n      notApplicable\n      rectifications\n    }\n  }\n": typeof types.ReviewFieldsFragmentDoc,
    "\n  fragment ReviewItemRow on ReviewItem {\n    id\n    version\n    verdict\n    notes\n    evidenceUrls\n    rectificationRequirement\n    rectificationTaskId\n    reviewedAt\n    reviewerName\n    excludedReason\n    excludedByName\n    excludedAt\n    taskId\n    unitId\n    unit {\n      id\n      name\n    }\n    rectificationTask {\n      id\n      dueDate\n      status\n    }\n    task {\n      id\n      role\n      status\n      light\n      progress\n      dueDate\n      isLate\n      keyPoint {\n        id\n        label\n        title\n      }\n    }\n  }\n": typeof types.ReviewItemRowFragmentDoc,
    "\n  query ReviewItems($id: ID!, $filter: ReviewItemFilterInput, $first: Int, $after: String) {\n    review(id: $id) {\n      id\n      items(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          ...ReviewItemRow\n        }\n      }\n    }\n  }\n": typeof types.ReviewItemsDocument,
    "\n  query ReviewSummary($id: ID!) {\n    reviewSummary(id: $id) {\n      planTitle\n      planYear\n      counts {\n        total\n        recorded\n        pending\n        excluded\n        implemented\n        partial\n        notImplemented\n        notApplicable\n        rectifications\n      }\n      byUnit {\n        unitId\n        unitName\n        counts {\n          total\n          implemented\n          partial\n          notImplemented\n          notApplicable\n          pending\n          rectifications\n        }\n      }\n      rectifications {\n        taskId\n        originTaskId\n        unitId\n        unitName\n        keyPointLabel\n        keyPointTitle\n        verdict\n        requirement\n        dueDate\n        status\n      }\n    }\n  }\n": typeof types.ReviewSummaryDocument,
    "\n  query Review($id: ID!) {\n    review(id: $id) {\n      ...ReviewFields\n    }\n  }\n": typeof types.ReviewDocument,
    "\n  query Reviews($planId: ID, $first: Int, $after: String) {\n    reviews(planId: $planId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReviewFields\n      }\n    }\n  }\n": typeof types.ReviewsDocument,
    "\n  fragment ScoreRulesFields on ScoreRules {\n    version\n    onTimeWeight\n    notOverdueWeight\n    reportingWeight\n    firstPassWeight\n    rectifiedWeight\n    leadWeight\n    tieBreak\n    items {\n      component\n      rule\n      label\n      explain\n      weight\n    }\n  }\n": typeof types.ScoreRulesFieldsFragmentDoc,
    "\n  query ScoreRules {\n    scoreRules {\n      ...ScoreRulesFields\n    }\n  }\n": typeof types.ScoreRulesDocument,
    "\n  query ScorecardTasks(\n    $unitId: ID!\n    $metric: ScorecardMetric!\n    $filter: ScorecardFilterInput!\n    $first: Int\n    $after: String\n  ) {\n    scorecardTasks(unitId: $unitId, metric: $metric, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        count\n        task {\n          id\n          role\n          status\n          light\n          dueDate\n          isLate\n          keyPoint {\n            id\n            label\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.ScorecardTasksDocument,
    "\n  query Scorecard($filter: ScorecardFilterInput!, $first: Int, $after: String) {\n    scorecard(filter: $filter, first: $first, after: $after) {\n      totalCount\n      rankedUnits\n      year\n      tieBreak\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        unitId\n        unitName\n        rank\n        previousRank\n        score\n        previousScore\n        scoreChange\n        breakdown {\n          component\n          label\n          numerator\n          denominator\n          rate\n          weight\n          points\n        }\n        counts {\n          leadTasks\n          responsibleTasks\n          dueTasks\n          completed\n          completedOnTime\n          completedLate\n          overdueNow\n          periodsOwed\n          periodsOnTime\n          periodsMissed\n          reportsTotal\n          reportsReturned\n          delaysApproved\n          delaysRefused\n          urgesReceived\n          rectifications\n          rectificationsOpen\n          verdictImplemented\n          verdictPartial\n          verdictNotImplemented\n          verdictNotApplicable\n        }\n      }\n    }\n  }\n": typeof types.ScorecardDocument,
    "\n  mutation UpdateScoreRules($rules: ScoreRulesInput!, $version: Int) {\n    updateScoreRules(rules: $rules, version: $version) {\n      ...ScoreRulesFields\n    }\n  }\n": typeof types.UpdateScoreRulesDocument,
    "\n  mutation DisableUnusedAccounts($userIds: [ID!]!, $days: Int) {\n    disableUnusedAccounts(userIds: $userIds, days: $days)\n  }\n": typeof types.DisableUnusedAccountsDocument,
    "\n  query SecurityAssessment {\n    securityAssessment {\n      checkedAt\n      controls {\n        key\n        category\n        name\n        setting\n        evidence\n        status\n        why\n      }\n    }\n  }\n": typeof types.SecurityAssessmentDocument,
    "\n  fragment SecurityPolicyFields on SecurityPolicyModel {\n    passwordMinLength\n    passwordMinClasses\n    passwordHistory\n    passwordMaxAgeDays\n    sessionIdleMinutes\n    sessionMaxHours\n    twoFactorRoles\n    watermark\n    passwordRule\n    version\n  }\n": typeof types.SecurityPolicyFieldsFragmentDoc,
    "\n  query SecurityPolicy {\n    securityPolicy {\n      ...SecurityPolicyFields\n    }\n  }\n": typeof types.SecurityPolicyDocument,
    "\n  query UnusedAccounts($days: Int) {\n    unusedAccounts(days: $days) {\n      ...UserRow\n    }\n  }\n": typeof types.UnusedAccountsDocument,
    "\n  mutation UpdateSecurityPolicy($input: UpdateSecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      ...SecurityPolicyFields\n    }\n  }\n": typeof types.UpdateSecurityPolicyDocument,
    "\n  query BackupStatus {\n    backupStatus {\n      nightly\n      lastBackupAt\n      ageHours\n      keep\n    }\n  }\n": typeof types.BackupStatusDocument,
    "\n  query LightRecompute {\n    lightRecompute {\n      reason\n      total\n      done\n      changed\n      startedAt\n      finishedAt\n      running\n      failed\n    }\n  }\n": typeof types.LightRecomputeDocument,
    "\n  mutation ReleaseLeaderlessReports($unitIds: [ID!]) {\n    releaseLeaderlessReports(unitIds: $unitIds)\n  }\n": typeof types.ReleaseLeaderlessReportsDocument,
    "\n  fragment SsoSettingsFields on SsoSettingsModel {\n    enabled\n    issuer\n    clientId\n    clientSecretMasked\n    claim\n    matchField\n    passwordAllowed\n    createUsers\n    defaultRole\n    redirectUri\n    version\n  }\n": typeof types.SsoSettingsFieldsFragmentDoc,
    "\n  query SsoSettings {\n    ssoSettings {\n      ...SsoSettingsFields\n    }\n  }\n": typeof types.SsoSettingsDocument,
    "\n  fragment TenantWithSettings on Tenant {\n    id\n    version\n    name\n    code\n    settings {\n      leaderApproval\n      yellowWithinWorkingDays\n      remindBeforeWorkingDays\n      urgeAfterWorkingDays\n      superviseAfterWorkingDays\n      paceMarginPercent\n      defaultDueMonthDay\n      signWithinWorkingDays\n      publicName\n      publicFrameAncestors\n      reportCycle {\n        kind\n        dayOfMonth\n        weekday\n      }\n    }\n  }\n": typeof types.TenantWithSettingsFragmentDoc,
    "\n  query TenantSettings {\n    tenant {\n      ...TenantWithSettings\n    }\n  }\n": typeof types.TenantSettingsDocument,
    "\n  mutation UpdateSsoSettings($input: UpdateSsoSettingsInput!) {\n    updateSsoSettings(input: $input) {\n      ...SsoSettingsFields\n    }\n  }\n": typeof types.UpdateSsoSettingsDocument,
    "\n  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!, $version: Int!) {\n    updateTenantSettings(input: $input, version: $version) {\n      ...TenantWithSettings\n    }\n  }\n": typeof types.UpdateTenantSettingsDocument,
    "\n  mutation AcknowledgeUrge($id: ID!) {\n    acknowledgeUrge(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedByName\n    }\n  }\n": typeof types.AcknowledgeUrgeDocument,
    "\n  mutation DecideDelay($id: ID!, $version: Int!, $input: DecideDelayInput!) {\n    decideDelay(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      decidedAt\n      decisionComment\n    }\n  }\n": typeof types.DecideDelayDocument,
    "\n  mutation IssueSupervisionNotice($input: IssueSupervisionNoticeInput!) {\n    issueSupervisionNotice(input: $input) {\n      ...SupervisionNoticeFields\n    }\n  }\n": typeof types.IssueSupervisionNoticeDocument,
    "\n  query LateSigning {\n    lateSigning {\n      unitId\n      unitName\n      lateCount\n      oldestAssignedOn\n      workingDaysWaiting\n    }\n  }\n": typeof types.LateSigningDocument,
    "\n  mutation RequestDelay($taskId: ID!, $input: RequestDelayInput!) {\n    requestDelay(taskId: $taskId, input: $input) {\n      id\n      status\n      requestedDueDate\n    }\n  }\n": typeof types.RequestDelayDocument,
    "\n  mutation SignTasks($input: SignTasksInput!) {\n    signTasks(input: $input) {\n      signed\n      unsignedLeft\n    }\n  }\n": typeof types.SignTasksDocument,
    "\n  fragment SupervisionNoticeFields on SupervisionNotice {\n    id\n    numberText\n    unitId\n    unitName\n    color\n    note\n    createdAt\n    createdByName\n    tasks {\n      taskId\n      title\n      dueDate\n      progress\n      color\n      state\n    }\n  }\n": typeof types.SupervisionNoticeFieldsFragmentDoc,
    "\n  query SupervisionNotices($unitId: ID, $taskId: ID, $first: Int) {\n    supervisionNotices(unitId: $unitId, taskId: $taskId, first: $first) {\n      totalCount\n      nodes {\n        ...SupervisionNoticeFields\n      }\n    }\n  }\n": typeof types.SupervisionNoticesDocument,
    "\n  query UnsignedTaskCount {\n    unsignedTaskCount\n  }\n": typeof types.UnsignedTaskCountDocument,
    "\n  mutation UrgeTask($taskId: ID!, $message: String!, $idempotencyKey: String) {\n    urgeTask(taskId: $taskId, message: $message, idempotencyKey: $idempotencyKey) {\n      id\n      taskId\n      message\n      createdAt\n    }\n  }\n": typeof types.UrgeTaskDocument,
    "\n  query Urges($filter: UrgeFilterInput, $first: Int, $after: String) {\n    urges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        level\n        message\n        createdAt\n        createdByName\n        acknowledgedAt\n        task {\n          id\n          keyPoint {\n            id\n            label\n            title\n          }\n        }\n      }\n    }\n  }\n": typeof types.UrgesDocument,
    "\n  mutation WithdrawDelay($id: ID!, $version: Int!) {\n    withdrawDelay(id: $id, version: $version) {\n      id\n      version\n      status\n    }\n  }\n": typeof types.WithdrawDelayDocument,
    "\n  mutation CloseTask($taskId: ID!, $version: Int!, $note: String) {\n    closeTask(taskId: $taskId, version: $version, note: $note) {\n      ...TaskCloseState\n    }\n  }\n": typeof types.CloseTaskDocument,
    "\n  mutation CloseTasks($tasks: [CloseTaskItemInput!]!, $note: String) {\n    closeTasks(tasks: $tasks, note: $note) {\n      ...TaskCloseState\n    }\n  }\n": typeof types.CloseTasksDocument,
    "\n  query Dashboard($planId: ID) {\n    dashboard(planId: $planId) {\n      totalTasks\n      overdueCount\n      reportsWaitingReview\n      delayRequestsWaiting\n      dueSoonCount\n      dueSoonUntil\n      lights {\n        light\n        count\n      }\n      unitsMostOverdue {\n        overdueCount\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query MyTasks($filter: TaskFilterInput, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...TaskRow\n      }\n    }\n  }\n": typeof types.MyTasksDocument,
    "\n  mutation ReopenTask($taskId: ID!, $version: Int!, $reason: String!) {\n    reopenTask(taskId: $taskId, version: $version, reason: $reason) {\n      ...TaskCloseState\n    }\n  }\n": typeof types.ReopenTaskDocument,
    "\n  fragment TaskCloseState on Task {\n    id\n    status\n    light\n    closedAt\n    closeNote\n    completedAt\n    version\n  }\n": typeof types.TaskCloseStateFragmentDoc,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskRow\n      assignedOn\n      completedAt\n      acceptedAt\n      closedAt\n      closeNote\n      delayDateRange {\n        earliest\n        latest\n      }\n      keyPoint {\n        id\n        label\n        title\n        text\n        deadlines {\n          id\n          text\n          date\n        }\n        units {\n          id\n          role\n          rawName\n          unit {\n            id\n            name\n          }\n        }\n        instructions {\n          id\n          text\n          authorName\n          createdAt\n        }\n      }\n      milestones {\n        id\n        text\n        date\n        doneAt\n      }\n      reports {\n        id\n        version\n        status\n        text\n        progress\n        claimsCompletion\n        submittedAt\n        authorName\n        leaderName\n        leaderComment\n        leaderSkipped\n        leaderDecidedAt\n        reviewerName\n        reviewComment\n        reviewedAt\n        evidence {\n          id\n          kind\n          url\n          file {\n            id\n            filename\n            mimeType\n            sizeBytes\n          }\n        }\n      }\n      delayRequests {\n        id\n        version\n        status\n        reason\n        currentDueDate\n        requestedDueDate\n        requestedByName\n        decidedByName\n        decidedAt\n        decisionComment\n        createdAt\n        requestedDatePassed\n        requestedWhenOverdue\n      }\n      urges {\n        id\n        level\n        message\n        createdAt\n        createdByName\n        acknowledgedAt\n        acknowledgedByName\n        automatic\n      }\n      history {\n        id\n        at\n        actorName\n        entityType\n        action\n        note\n        before\n        after\n      }\n    }\n  }\n": typeof types.TaskDetailDocument,
    "\n  fragment TaskRow on Task {\n    id\n    version\n    kind\n    role\n    status\n    light\n    progress\n    dueDate\n    originalDueDate\n    isLate\n    urgeCount\n    overdueWorkingDays\n    lastReportAt\n    signedAt\n    unit {\n      id\n      name\n    }\n    keyPoint {\n      id\n      label\n      title\n    }\n    section {\n      id\n      label\n      title\n    }\n    plan {\n      id\n      title\n      year\n    }\n  }\n": typeof types.TaskRowFragmentDoc,
    "\n  query LedgerTasks($filter: TaskFilterInput, $sort: TaskSortInput, $first: Int, $after: String) {\n    tasks(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...TaskRow\n      }\n    }\n  }\n": typeof types.LedgerTasksDocument,
};
const documents: Documents = {
    "\n  query AuditActors($filter: UserFilterInput) {\n    users(filter: $filter, first: 50) {\n      nodes {\n        id\n        username\n        displayName\n      }\n    }\n  }\n": types.AuditActorsDocument,
    "\n  query AuditChainCheck {\n    auditChainCheck {\n      ok\n      verified\n      unchained\n      archivedThrough\n      lastSeq\n      pending\n      firstBreak {\n        seq\n        reason\n        id\n        at\n      }\n    }\n  }\n": types.AuditChainCheckDocument,
    "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        seq\n        at\n        actorId\n        actorName\n        actorUsername\n        action\n        entityType\n        entityId\n        result\n        ip\n        userAgent\n        before\n        after\n        note\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      uri\n      qrDataUrl\n    }\n  }\n": types.BeginTwoFactorEnrolmentDocument,
    "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n": types.ChangePasswordDocument,
    "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code)\n  }\n": types.ConfirmTwoFactorEnrolmentDocument,
    "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.MeDocument,
    "\n  query SignInOptions($tenantCode: String!) {\n    signInOptions(tenantCode: $tenantCode) {\n      sso\n      passwordAllowed\n    }\n  }\n": types.SignInOptionsDocument,
    "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...ViewerFields\n    }\n  }\n": types.SignInDocument,
    "\n  mutation SignOut {\n    signOut\n  }\n": types.SignOutDocument,
    "\n  fragment ViewerFields on ViewerModel {\n    id\n    username\n    displayName\n    role\n    roles\n    tenantId\n    tenantName\n    tenantDemo\n    unitId\n    unitName\n    csrfToken\n    mustChangePassword\n    ssoLogoutPath\n    passwordExpired\n    passwordRule\n    sessionIdleMinutes\n    twoFactorEnabled\n    mustEnrolTwoFactor\n    watermark\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query CalendarCoverage {\n    calendarCoverage {\n      year\n      covered\n    }\n  }\n": types.CalendarCoverageDocument,
    "\n  query CalendarYear($year: Int!) {\n    calendarYear(year: $year) {\n      year\n      covered\n      confirmedByOffice\n      workingDayCount\n      days {\n        date\n        isWorkingDay\n        note\n        source\n        correctionVersion\n      }\n    }\n  }\n": types.CalendarYearDocument,
    "\n  mutation ConfirmCalendarYear($year: Int!) {\n    confirmCalendarYear(year: $year) {\n      year\n      covered\n      confirmedByOffice\n      workingDayCount\n    }\n  }\n": types.ConfirmCalendarYearDocument,
    "\n  mutation ImportHolidayNotice($input: HolidayNoticeInput!) {\n    importHolidayNotice(input: $input) {\n      year\n      saved\n      warnings\n      days {\n        date\n        workday\n        note\n        changes\n      }\n    }\n  }\n": types.ImportHolidayNoticeDocument,
    "\n  mutation RemoveCalendarCorrection($date: String!, $version: Int!) {\n    removeCalendarCorrection(date: $date, version: $version) {\n      date\n      isWorkingDay\n      note\n      source\n      correctionVersion\n    }\n  }\n": types.RemoveCalendarCorrectionDocument,
    "\n  mutation SetCalendarDay($input: SetCalendarDayInput!) {\n    setCalendarDay(input: $input) {\n      date\n      isWorkingDay\n      note\n      source\n      correctionVersion\n    }\n  }\n": types.SetCalendarDayDocument,
    "\n  mutation SetCalendarRange($input: SetCalendarRangeInput!) {\n    setCalendarRange(input: $input) {\n      date\n      isWorkingDay\n      source\n      note\n      correctionVersion\n    }\n  }\n": types.SetCalendarRangeDocument,
    "\n  mutation CreateMissingLiaisons($unitIds: [ID!]) {\n    createMissingLiaisons(unitIds: $unitIds) {\n      userId\n      username\n      displayName\n      role\n      unitName\n      password\n    }\n  }\n": types.CreateMissingLiaisonsDocument,
    "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n      name\n      kind\n      active\n      aliases\n    }\n  }\n": types.CreateUnitDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      generatedPassword\n      user {\n        ...UserRow\n      }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation DeactivateUnit($id: ID!, $version: Int!, $moveOpenTasksTo: ID) {\n    deactivateUnit(id: $id, version: $version, moveOpenTasksTo: $moveOpenTasksTo) {\n      unit {\n        ...DirectoryUnit\n      }\n      movedTasks\n      keptTasks\n    }\n  }\n": types.DeactivateUnitDocument,
    "\n  mutation DeleteUnit($id: ID!, $version: Int!) {\n    deleteUnit(id: $id, version: $version)\n  }\n": types.DeleteUnitDocument,
    "\n  query DirectoryUnits($filter: UnitFilterInput) {\n    units(filter: $filter) {\n      ...DirectoryUnit\n    }\n  }\n": types.DirectoryUnitsDocument,
    "\n  mutation ResetPassword($userId: ID!) {\n    resetPassword(userId: $userId)\n  }\n": types.ResetPasswordDocument,
    "\n  mutation ResetTwoFactor($userId: ID!) {\n    resetTwoFactor(userId: $userId)\n  }\n": types.ResetTwoFactorDocument,
    "\n  query TenantCode {\n    tenant {\n      id\n      code\n    }\n  }\n": types.TenantCodeDocument,
    "\n  fragment DirectoryUnit on Unit {\n    id\n    version\n    name\n    kind\n    active\n    aliases\n    parentId\n    sort\n    people {\n      id\n      displayName\n      role\n      phone\n      lastSignInAt\n    }\n  }\n": types.DirectoryUnitFragmentDoc,
    "\n  query UnitUsage($id: ID!) {\n    unit(id: $id) {\n      id\n      version\n      usage {\n        activePeople\n        openTasks\n      }\n    }\n  }\n": types.UnitUsageDocument,
    "\n  query Units($filter: UnitFilterInput) {\n    units(filter: $filter) {\n      id\n      name\n      kind\n      active\n      aliases\n    }\n  }\n": types.UnitsDocument,
    "\n  mutation UnlockUser($userId: ID!) {\n    unlockUser(userId: $userId)\n  }\n": types.UnlockUserDocument,
    "\n  mutation UpdateUnit($id: ID!, $input: UpdateUnitInput!, $version: Int!) {\n    updateUnit(id: $id, input: $input, version: $version) {\n      ...DirectoryUnit\n    }\n  }\n": types.UpdateUnitDocument,
    "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $version: Int!) {\n    updateUser(id: $id, input: $input, version: $version) {\n      ...UserRow\n    }\n  }\n": types.UpdateUserDocument,
    "\n  fragment UserRow on User {\n    id\n    version\n    username\n    displayName\n    role\n    roles\n    unitId\n    unit {\n      id\n      name\n    }\n    email\n    phone\n    wecomUserid\n    dingtalkUserid\n    active\n    locked\n    twoFactorEnabled\n    mustChangePassword\n    createdAt\n    lastSignInAt\n  }\n": types.UserRowFragmentDoc,
    "\n  query Users($filter: UserFilterInput, $first: Int, $after: String, $sort: UserSort, $descending: Boolean) {\n    users(filter: $filter, first: $first, after: $after, sort: $sort, descending: $descending) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...UserRow\n      }\n    }\n  }\n": types.UsersDocument,
    "\n  mutation AcceptTenantLinkInvite($code: String!) {\n    acceptTenantLinkInvite(code: $code) {\n      ...TenantLinksParts\n    }\n  }\n": types.AcceptTenantLinkInviteDocument,
    "\n  mutation AcknowledgeUpperUrge($id: ID!) {\n    acknowledgeUpperUrge(id: $id) {\n      ...UpperUrgeParts\n    }\n  }\n": types.AcknowledgeUpperUrgeDocument,
    "\n  mutation CreateTenantLinkInvite($note: String) {\n    createTenantLinkInvite(note: $note) {\n      code\n      invite {\n        id\n        note\n        createdAt\n        expiresAt\n      }\n    }\n  }\n": types.CreateTenantLinkInviteDocument,
    "\n  mutation EndLowerTenantLink($tenantId: ID!) {\n    endLowerTenantLink(tenantId: $tenantId) {\n      ...TenantLinksParts\n    }\n  }\n": types.EndLowerTenantLinkDocument,
    "\n  mutation EndUpperTenantLink($upperTenantId: ID!) {\n    endUpperTenantLink(upperTenantId: $upperTenantId) {\n      ...TenantLinksParts\n    }\n  }\n": types.EndUpperTenantLinkDocument,
    "\n  query KeyPointUpperLinks($planId: ID!) {\n    upperPlanPoints {\n      ...UpperPlanPointParts\n    }\n    keyPointUpperLinks(planId: $planId) {\n      ...KeyPointUpperLinksParts\n    }\n  }\n": types.KeyPointUpperLinksDocument,
    "\n  query LowerCoverage($year: Int) {\n    lowerCoverage(year: $year) {\n      year\n      points {\n        keyPointId\n        label\n        title\n        coveredBy\n        counts {\n          ...LowerRollupCountsParts\n        }\n        lowerKeyPoints\n        lowerTasks\n        lowerRed\n        lowerDone\n        lowerOverdue\n      }\n      lowers {\n        tenantId\n        name\n        covered\n        share\n      }\n    }\n  }\n\n  fragment LowerRollupCountsParts on LowerRollupCounts {\n    tasks\n    green\n    yellow\n    red\n    doneShare\n    overdue\n    overdueUnitCount\n    lastReportOn\n  }\n": types.LowerCoverageDocument,
    "\n  query LowerRollupDetail($keyPointId: ID!) {\n    lowerRollupDetail(keyPointId: $keyPointId) {\n      id\n      lowerTenantId\n      lowerTenantName\n      label\n      title\n      tasks {\n        id\n        unitName\n        status\n        light\n        dueDate\n        lastReportOn\n        overdue\n        sharedReport {\n          text\n          attachments {\n            fileId\n            filename\n          }\n          reportOn\n        }\n      }\n    }\n  }\n": types.LowerRollupDetailDocument,
    "\n  fragment LowerUrgeParts on LowerUrge {\n    id\n    lowerTenantId\n    lowerTenantName\n    keyPointId\n    keyPointLabel\n    keyPointTitle\n    situation\n    message\n    createdByName\n    createdAt\n    acknowledgedAt\n    acknowledgedByName\n  }\n": types.LowerUrgePartsFragmentDoc,
    "\n  query LowerUrges($unacknowledged: Boolean, $first: Int, $after: String) {\n    lowerUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...LowerUrgeParts\n      }\n    }\n  }\n": types.LowerUrgesDocument,
    "\n  mutation RevokeTenantLinkInvite($id: ID!) {\n    revokeTenantLinkInvite(id: $id) {\n      ...TenantLinksParts\n    }\n  }\n": types.RevokeTenantLinkInviteDocument,
    "\n  mutation SetKeyPointUpperLinks($keyPointId: ID!, $upperPointIds: [ID!]!, $version: Int!) {\n    setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds, version: $version) {\n      ...KeyPointUpperLinksParts\n    }\n  }\n": types.SetKeyPointUpperLinksDocument,
    "\n  mutation SetUpperShareSetting($input: UpperShareSettingInput!, $version: Int!) {\n    setUpperShareSetting(input: $input, version: $version) {\n      shareReportText\n      shareReportFiles\n      version\n    }\n  }\n": types.SetUpperShareSettingDocument,
    "\n  mutation StartPlanFromUpper($year: Int) {\n    startPlanFromUpper(year: $year) {\n      id\n      title\n    }\n  }\n": types.StartPlanFromUpperDocument,
    "\n  fragment TenantLinksParts on TenantLinks {\n    upper {\n      id\n      name\n      linkedAt\n    }\n    lowers {\n      id\n      name\n      linkedAt\n    }\n    invites {\n      id\n      note\n      createdAt\n      expiresAt\n    }\n  }\n": types.TenantLinksPartsFragmentDoc,
    "\n  query TenantLinks {\n    tenantLinks {\n      ...TenantLinksParts\n    }\n  }\n": types.TenantLinksDocument,
    "\n  fragment UpperPlanPointParts on UpperPlanPoint {\n    id\n    planYear\n    planTitle\n    sectionTitle\n    seq\n    label\n    title\n  }\n": types.UpperPlanPointPartsFragmentDoc,
    "\n  fragment KeyPointUpperLinksParts on KeyPointUpperLinks {\n    keyPointId\n    version\n    linked {\n      ...UpperPlanPointParts\n    }\n    proposed {\n      score\n      point {\n        ...UpperPlanPointParts\n      }\n    }\n  }\n": types.KeyPointUpperLinksPartsFragmentDoc,
    "\n  query UpperPlanPoints {\n    upperPlanPoints {\n      ...UpperPlanPointParts\n    }\n  }\n": types.UpperPlanPointsDocument,
    "\n  query UpperShareSetting {\n    upperShareSetting {\n      shareReportText\n      shareReportFiles\n      version\n    }\n  }\n": types.UpperShareSettingDocument,
    "\n  fragment UpperUrgeParts on UpperUrge {\n    id\n    upperTenantName\n    keyPointLabel\n    keyPointTitle\n    situation\n    message\n    senderName\n    createdAt\n    acknowledgedAt\n    acknowledgedByName\n    linkedKeyPoints {\n      id\n      planId\n      label\n      title\n    }\n  }\n": types.UpperUrgePartsFragmentDoc,
    "\n  query UpperUrges($unacknowledged: Boolean, $first: Int, $after: String) {\n    upperUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...UpperUrgeParts\n      }\n    }\n  }\n": types.UpperUrgesDocument,
    "\n  mutation UrgeLowerTenant($lowerTenantId: ID!, $keyPointId: ID!, $message: String!) {\n    urgeLowerTenant(lowerTenantId: $lowerTenantId, keyPointId: $keyPointId, message: $message) {\n      ...LowerUrgeParts\n    }\n  }\n": types.UrgeLowerTenantDocument,
    "\n  mutation DeleteMessageRobot($id: ID!, $version: Int!) {\n    deleteMessageRobot(id: $id, version: $version)\n  }\n": types.DeleteMessageRobotDocument,
    "\n  query MessageDeliveries($status: DeliveryStatus, $first: Int, $after: String) {\n    messageDeliveries(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n": types.MessageDeliveriesDocument,
    "\n  fragment MessageDeliveryFields on MessageDelivery {\n    id\n    channel\n    kind\n    title\n    recipientName\n    robotName\n    status\n    attempts\n    lastError\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n": types.MessageDeliveryFieldsFragmentDoc,
    "\n  query MessageReach($kind: NotificationKind!, $unitIds: [ID!], $planId: ID) {\n    messageReach(kind: $kind, unitIds: $unitIds, planId: $planId) {\n      unreachableUnitNames\n      robotNames\n      units {\n        unitId\n        unitName\n        people {\n          name\n          role\n          channels\n        }\n      }\n    }\n  }\n": types.MessageReachDocument,
    "\n  query MessageRobots {\n    messageRobots {\n      id\n      name\n      platform\n      kinds\n      enabled\n      webhookMasked\n      signSecretMasked\n      version\n      lastDelivery {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n": types.MessageRobotsDocument,
    "\n  fragment MessageSettingsFields on MessageSettings {\n    wecom {\n      appId\n      agentId\n      secretMasked\n    }\n    dingtalk {\n      appId\n      agentId\n      secretMasked\n    }\n    defaultChannels {\n      kind\n      channels\n    }\n    workStart\n    workEnd\n    emailAvailable\n    version\n  }\n": types.MessageSettingsFieldsFragmentDoc,
    "\n  query MessageSettings {\n    messageSettings {\n      ...MessageSettingsFields\n    }\n  }\n": types.MessageSettingsDocument,
    "\n  mutation SaveMessageRobot($input: SaveMessageRobotInput!) {\n    saveMessageRobot(input: $input) {\n      id\n      version\n    }\n  }\n": types.SaveMessageRobotDocument,
    "\n  query TaskMessages($id: ID!) {\n    task(id: $id) {\n      id\n      messages {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n": types.TaskMessagesDocument,
    "\n  mutation TestMessageRobot($id: ID!) {\n    testMessageRobot(id: $id) {\n      delivered\n      code\n      detail\n      answer\n    }\n  }\n": types.TestMessageRobotDocument,
    "\n  mutation TestWorkApp($platform: RobotPlatform!) {\n    testWorkApp(platform: $platform) {\n      delivered\n      code\n      detail\n      answer\n    }\n  }\n": types.TestWorkAppDocument,
    "\n  mutation UpdateMessageSettings($input: UpdateMessageSettingsInput!, $version: Int!) {\n    updateMessageSettings(input: $input, version: $version) {\n      ...MessageSettingsFields\n    }\n  }\n": types.UpdateMessageSettingsDocument,
    "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      marked\n      unreadCount\n    }\n  }\n": types.MarkNotificationsReadDocument,
    "\n  fragment NotificationPreferencesFields on NotificationPreferences {\n    emailDigest\n    mutedKinds\n    quietHours\n    reachableChannels\n    channels {\n      kind\n      channels\n    }\n    version\n  }\n": types.NotificationPreferencesFieldsFragmentDoc,
    "\n  query NotificationPreferences {\n    notificationPreferences {\n      ...NotificationPreferencesFields\n    }\n  }\n": types.NotificationPreferencesDocument,
    "\n  query Notifications($unreadOnly: Boolean, $kinds: [NotificationKind!], $first: Int, $after: String) {\n    notifications(unreadOnly: $unreadOnly, kinds: $kinds, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        taskId\n        groupCount\n      }\n    }\n  }\n": types.NotificationsDocument,
    "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n": types.UnreadNotificationCountDocument,
    "\n  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...NotificationPreferencesFields\n    }\n  }\n": types.UpdateNotificationPreferencesDocument,
    "\n  mutation AddInstruction($keyPointId: ID!, $text: String!, $idempotencyKey: String) {\n    addInstruction(keyPointId: $keyPointId, text: $text, idempotencyKey: $idempotencyKey) {\n      id\n      keyPointId\n      text\n      authorName\n      createdAt\n    }\n  }\n": types.AddInstructionDocument,
    "\n  mutation AddKeyPointDeadline($keyPointId: ID!, $version: Int!, $input: DeadlineInput!) {\n    addKeyPointDeadline(keyPointId: $keyPointId, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": types.AddKeyPointDeadlineDocument,
    "\n  mutation AddKeyPointUnit($keyPointId: ID!, $version: Int!, $unitId: ID!, $role: TaskRole!) {\n    addKeyPointUnit(keyPointId: $keyPointId, version: $version, unitId: $unitId, role: $role) {\n      ...DraftKeyPoint\n    }\n  }\n": types.AddKeyPointUnitDocument,
    "\n  mutation AddKeyPoint($input: AddKeyPointInput!) {\n    addKeyPoint(input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": types.AddKeyPointDocument,
    "\n  mutation AddPlanMilestone($planId: ID!, $version: Int!, $input: DeadlineInput!) {\n    addPlanMilestone(planId: $planId, version: $version, input: $input) {\n      id\n      version\n      milestones {\n        id\n        text\n        date\n      }\n    }\n  }\n": types.AddPlanMilestoneDocument,
    "\n  mutation AmendKeyPoint($id: ID!, $version: Int!, $input: AmendKeyPointInput!) {\n    amendKeyPoint(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": types.AmendKeyPointDocument,
    "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n      version\n    }\n  }\n": types.CreatePlanDocument,
    "\n  mutation DeleteKeyPoint($id: ID!, $version: Int!) {\n    deleteKeyPoint(id: $id, version: $version)\n  }\n": types.DeleteKeyPointDocument,
    "\n  mutation DeletePlanSection($id: ID!, $version: Int!) {\n    deletePlanSection(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n": types.DeletePlanSectionDocument,
    "\n  mutation DeletePlan($id: ID!, $version: Int!) {\n    deletePlan(id: $id, version: $version)\n  }\n": types.DeletePlanDocument,
    "\n  fragment DraftKeyPoint on KeyPoint {\n    id\n    version\n    seq\n    label\n    title\n    text\n    sectionId\n    parentId\n    dueDate\n    deadlines {\n      id\n      text\n      date\n    }\n    units {\n      id\n      role\n      rawName\n      resolution\n      impliedFrom\n      unit {\n        id\n        name\n      }\n      candidates {\n        score\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DraftKeyPointFragmentDoc,
    "\n  fragment DraftUnitNameFields on DraftUnitName {\n    name\n    keyPoints\n    unresolvedKeyPoints\n    suggestedKind\n    units {\n      id\n      name\n    }\n    candidates {\n      score\n      unit {\n        id\n        name\n      }\n    }\n    decision {\n      id\n      action\n      kind\n    }\n  }\n": types.DraftUnitNameFieldsFragmentDoc,
    "\n  mutation ForgetUnitNameDecision($id: ID!) {\n    forgetUnitNameDecision(id: $id)\n  }\n": types.ForgetUnitNameDecisionDocument,
    "\n  mutation MarkSource($planId: ID!, $version: Int!, $input: MarkSourceInput!) {\n    markSource(planId: $planId, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": types.MarkSourceDocument,
    "\n  query PlanDraft($id: ID!) {\n    plan(id: $id) {\n      ...PlanHeaderFields\n      status\n      sourceText\n      sourceFilename\n      parseWarnings\n      unresolvedCount\n      publishedAt\n      defaultDueDate\n      duplicatePlans {\n        id\n        title\n        status\n      }\n      sections {\n        id\n        label\n        title\n        sort\n      }\n      milestones {\n        id\n        text\n        date\n      }\n      keyPoints {\n        ...DraftKeyPoint\n      }\n      publishPreview {\n        ...PublishPreviewFields\n      }\n      unitNames {\n        ...DraftUnitNameFields\n      }\n    }\n  }\n": types.PlanDraftDocument,
    "\n  fragment PlanHeaderFields on Plan {\n    id\n    version\n    title\n    year\n    docNumber\n    issuer\n    parentPlanId\n  }\n": types.PlanHeaderFieldsFragmentDoc,
    "\n  query PlanProgress($planId: ID!) {\n    planProgress(planId: $planId) {\n      plan {\n        id\n        title\n        year\n      }\n      sections {\n        sectionId\n        label\n        title\n        keyPoints {\n          keyPointId\n          label\n          title\n          parentId\n          dueDate\n          taskCount\n          averageProgress\n          leadUnitIds\n          byLight {\n            light\n            count\n          }\n          byStatus {\n            status\n            count\n          }\n        }\n      }\n      units {\n        unitId\n        unit {\n          id\n          name\n        }\n        taskCount\n        averageProgress\n        byLight {\n          light\n          count\n        }\n      }\n    }\n  }\n": types.PlanProgressDocument,
    "\n  query KeyPointProgressTasks($keyPointId: ID!) {\n    keyPointProgressTasks(keyPointId: $keyPointId) {\n      taskId\n      unitId\n      role\n      status\n      progress\n      light\n      dueDate\n      unit {\n        id\n        name\n      }\n    }\n  }\n": types.KeyPointProgressTasksDocument,
    "\n  query PlanSections($id: ID!) {\n    plan(id: $id) {\n      id\n      sections {\n        id\n        label\n        title\n      }\n    }\n  }\n": types.PlanSectionsDocument,
    "\n  query Plans($status: PlanStatus, $first: Int, $after: String) {\n    plans(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        title\n        year\n        status\n        docNumber\n        version\n        createdAt\n        publishedAt\n        unresolvedCount\n      }\n    }\n  }\n": types.PlansDocument,
    "\n  mutation PublishPlan($id: ID!, $version: Int!) {\n    publishPlan(id: $id, version: $version) {\n      id\n      status\n      version\n      publishedAt\n    }\n  }\n": types.PublishPlanDocument,
    "\n  fragment PublishPreviewFields on PublishPreview {\n    keyPoints\n    tasksToCreate\n    unitsInvolved\n    keyPointsWithoutUnits\n    unresolvedNames\n    unresolvedOccurrences\n    unitsWithoutLiaison {\n      id\n      name\n    }\n    pastTimeLimits {\n      keyPointId\n      label\n      title\n      text\n      date\n      isDueDate\n    }\n  }\n": types.PublishPreviewFieldsFragmentDoc,
    "\n  query PublishPreview($id: ID!) {\n    plan(id: $id) {\n      id\n      version\n      unresolvedCount\n      publishPreview {\n        ...PublishPreviewFields\n      }\n      unitNames {\n        ...DraftUnitNameFields\n      }\n    }\n  }\n": types.PublishPreviewDocument,
    "\n  mutation RemoveKeyPointDeadline($id: ID!, $version: Int!) {\n    removeKeyPointDeadline(id: $id, version: $version) {\n      ...DraftKeyPoint\n    }\n  }\n": types.RemoveKeyPointDeadlineDocument,
    "\n  mutation RemoveKeyPointUnit($id: ID!, $version: Int!) {\n    removeKeyPointUnit(id: $id, version: $version) {\n      ...DraftKeyPoint\n    }\n  }\n": types.RemoveKeyPointUnitDocument,
    "\n  mutation RemovePlanMilestone($id: ID!, $version: Int!) {\n    removePlanMilestone(id: $id, version: $version) {\n      id\n      version\n      milestones {\n        id\n        text\n        date\n      }\n    }\n  }\n": types.RemovePlanMilestoneDocument,
    "\n  mutation ResolveUnitName($planId: ID!, $version: Int!, $input: ResolveUnitNameInput!) {\n    resolveUnitName(planId: $planId, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n": types.ResolveUnitNameDocument,
    "\n  mutation SetKeyPointUnit($id: ID!, $version: Int!, $unitId: ID, $role: TaskRole) {\n    setKeyPointUnit(id: $id, version: $version, unitId: $unitId, role: $role) {\n      ...DraftKeyPoint\n    }\n  }\n": types.SetKeyPointUnitDocument,
    "\n  query UnitNameDecisions {\n    unitNameDecisions {\n      id\n      name\n      action\n      unitIds\n      kind\n      updatedAt\n    }\n  }\n": types.UnitNameDecisionsDocument,
    "\n  mutation UpdateKeyPointDeadline($id: ID!, $version: Int!, $input: DeadlineInput!) {\n    updateKeyPointDeadline(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": types.UpdateKeyPointDeadlineDocument,
    "\n  mutation UpdateKeyPoint($id: ID!, $version: Int!, $input: UpdateKeyPointInput!) {\n    updateKeyPoint(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n": types.UpdateKeyPointDocument,
    "\n  mutation UpdatePlan($id: ID!, $version: Int!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, version: $version, input: $input) {\n      ...PlanHeaderFields\n    }\n  }\n": types.UpdatePlanDocument,
    "\n  query PublicPagePlans {\n    publicPagePlans {\n      id\n      year\n      title\n      publicPage\n      path\n      version\n    }\n  }\n": types.PublicPagePlansDocument,
    "\n  mutation SetPlanPublicPage($planId: ID!, $enabled: Boolean!, $version: Int!) {\n    setPlanPublicPage(planId: $planId, enabled: $enabled, version: $version) {\n      id\n      publicPage\n      path\n      version\n    }\n  }\n": types.SetPlanPublicPageDocument,
    "\n  mutation CheckEvidence($reportId: ID!) {\n    checkEvidence(reportId: $reportId) {\n      id\n      checkStatus\n      checkTitle\n      pageDate\n      checkedAt\n    }\n  }\n": types.CheckEvidenceDocument,
    "\n  mutation LeaderDecideReport($id: ID!, $version: Int!, $input: LeaderDecisionInput!) {\n    leaderDecideReport(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      leaderComment\n    }\n  }\n": types.LeaderDecideReportDocument,
    "\n  query LeaderQueueCount {\n    leaderQueue(first: 1) {\n      totalCount\n    }\n  }\n": types.LeaderQueueCountDocument,
    "\n  query LeaderQueue($first: Int, $after: String) {\n    leaderQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReportQueueItem\n      }\n    }\n  }\n": types.LeaderQueueDocument,
    "\n  query ReportEvidenceFlags($id: ID!) {\n    report(id: $id) {\n      id\n      evidenceFlags {\n        code\n        message\n      }\n    }\n  }\n": types.ReportEvidenceFlagsDocument,
    "\n  fragment ReportQueueItem on ProgressReport {\n    id\n    version\n    status\n    text\n    progress\n    claimsCompletion\n    leaderSkipped\n    submittedAt\n    authorName\n    unit {\n      id\n      name\n    }\n    task {\n      id\n      keyPoint {\n        id\n        label\n        title\n      }\n    }\n    evidence {\n      id\n      kind\n      url\n      file {\n        id\n        filename\n        sizeBytes\n      }\n    }\n  }\n": types.ReportQueueItemFragmentDoc,
    "\n  query ReviewQueue($first: Int, $after: String) {\n    reviewQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReportQueueItem\n      }\n    }\n  }\n": types.ReviewQueueDocument,
    "\n  mutation ReviewReport($id: ID!, $version: Int!, $input: ReviewReportInput!) {\n    reviewReport(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      reviewComment\n      reviewedAt\n    }\n  }\n": types.ReviewReportDocument,
    "\n  mutation SubmitReport($taskId: ID!, $input: SubmitReportInput!, $idempotencyKey: String) {\n    submitReport(taskId: $taskId, input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n": types.SubmitReportDocument,
    "\n  mutation CompleteReview($id: ID!, $version: Int!) {\n    completeReview(id: $id, version: $version) {\n      ...ReviewFields\n    }\n  }\n": types.CompleteReviewDocument,
    "\n  mutation ExcludeReviewItem($itemId: ID!, $version: Int!, $reason: String!) {\n    excludeReviewItem(itemId: $itemId, version: $version, reason: $reason) {\n      ...ReviewItemRow\n    }\n  }\n": types.ExcludeReviewItemDocument,
    "\n  mutation IncludeReviewItem($itemId: ID!, $version: Int!) {\n    includeReviewItem(itemId: $itemId, version: $version) {\n      ...ReviewItemRow\n    }\n  }\n": types.IncludeReviewItemDocument,
    "\n  mutation OpenReview($input: OpenReviewInput!) {\n    openReview(input: $input) {\n      ...ReviewFields\n    }\n  }\n": types.OpenReviewDocument,
    "\n  mutation RecordVerdict($input: RecordVerdictInput!) {\n    recordVerdict(input: $input) {\n      ...ReviewItemRow\n    }\n  }\n": types.RecordVerdictDocument,
    "\n  fragment ReviewFields on Review {\n    id\n    version\n    title\n    status\n    planId\n    openedAt\n    completedAt\n    itemCount\n    untimedTaskCount\n    plan {\n      id\n      title\n      year\n    }\n    progress {\n      total\n      recorded\n      pending\n      excluded\n      implemented\n      partial\n      notImplemented\n      notApplicable\n      rectifications\n    }\n  }\n": types.ReviewFieldsFragmentDoc,
    "\n  fragment ReviewItemRow on ReviewItem {\n    id\n    version\n    verdict\n    notes\n    evidenceUrls\n    rectificationRequirement\n    rectificationTaskId\n    reviewedAt\n    reviewerName\n    excludedReason\n    excludedByName\n    excludedAt\n    taskId\n    unitId\n    unit {\n      id\n      name\n    }\n    rectificationTask {\n      id\n      dueDate\n      status\n    }\n    task {\n      id\n      role\n      status\n      light\n      progress\n      dueDate\n      isLate\n      keyPoint {\n        id\n        label\n        title\n      }\n    }\n  }\n": types.ReviewItemRowFragmentDoc,
    "\n  query ReviewItems($id: ID!, $filter: ReviewItemFilterInput, $first: Int, $after: String) {\n    review(id: $id) {\n      id\n      items(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          ...ReviewItemRow\n        }\n      }\n    }\n  }\n": types.ReviewItemsDocument,
    "\n  query ReviewSummary($id: ID!) {\n    reviewSummary(id: $id) {\n      planTitle\n      planYear\n      counts {\n        total\n        recorded\n        pending\n        excluded\n        implemented\n        partial\n        notImplemented\n        notApplicable\n        rectifications\n      }\n      byUnit {\n        unitId\n        unitName\n        counts {\n          total\n          implemented\n          partial\n          notImplemented\n          notApplicable\n          pending\n          rectifications\n        }\n      }\n      rectifications {\n        taskId\n        originTaskId\n        unitId\n        unitName\n        keyPointLabel\n        keyPointTitle\n        verdict\n        requirement\n        dueDate\n        status\n      }\n    }\n  }\n": types.ReviewSummaryDocument,
    "\n  query Review($id: ID!) {\n    review(id: $id) {\n      ...ReviewFields\n    }\n  }\n": types.ReviewDocument,
    "\n  query Reviews($planId: ID, $first: Int, $after: String) {\n    reviews(planId: $planId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReviewFields\n      }\n    }\n  }\n": types.ReviewsDocument,
    "\n  fragment ScoreRulesFields on ScoreRules {\n    version\n    onTimeWeight\n    notOverdueWeight\n    reportingWeight\n    firstPassWeight\n    rectifiedWeight\n    leadWeight\n    tieBreak\n    items {\n      component\n      rule\n      label\n      explain\n      weight\n    }\n  }\n": types.ScoreRulesFieldsFragmentDoc,
    "\n  query ScoreRules {\n    scoreRules {\n      ...ScoreRulesFields\n    }\n  }\n": types.ScoreRulesDocument,
    "\n  query ScorecardTasks(\n    $unitId: ID!\n    $metric: ScorecardMetric!\n    $filter: ScorecardFilterInput!\n    $first: Int\n    $after: String\n  ) {\n    scorecardTasks(unitId: $unitId, metric: $metric, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        count\n        task {\n          id\n          role\n          status\n          light\n          dueDate\n          isLate\n          keyPoint {\n            id\n            label\n            title\n          }\n        }\n      }\n    }\n  }\n": types.ScorecardTasksDocument,
    "\n  query Scorecard($filter: ScorecardFilterInput!, $first: Int, $after: String) {\n    scorecard(filter: $filter, first: $first, after: $after) {\n      totalCount\n      rankedUnits\n      year\n      tieBreak\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        unitId\n        unitName\n        rank\n        previousRank\n        score\n        previousScore\n        scoreChange\n        breakdown {\n          component\n          label\n          numerator\n          denominator\n          rate\n          weight\n          points\n        }\n        counts {\n          leadTasks\n          responsibleTasks\n          dueTasks\n          completed\n          completedOnTime\n          completedLate\n          overdueNow\n          periodsOwed\n          periodsOnTime\n          periodsMissed\n          reportsTotal\n          reportsReturned\n          delaysApproved\n          delaysRefused\n          urgesReceived\n          rectifications\n          rectificationsOpen\n          verdictImplemented\n          verdictPartial\n          verdictNotImplemented\n          verdictNotApplicable\n        }\n      }\n    }\n  }\n": types.ScorecardDocument,
    "\n  mutation UpdateScoreRules($rules: ScoreRulesInput!, $version: Int) {\n    updateScoreRules(rules: $rules, version: $version) {\n      ...ScoreRulesFields\n    }\n  }\n": types.UpdateScoreRulesDocument,
    "\n  mutation DisableUnusedAccounts($userIds: [ID!]!, $days: Int) {\n    disableUnusedAccounts(userIds: $userIds, days: $days)\n  }\n": types.DisableUnusedAccountsDocument,
    "\n  query SecurityAssessment {\n    securityAssessment {\n      checkedAt\n      controls {\n        key\n        category\n        name\n        setting\n        evidence\n        status\n        why\n      }\n    }\n  }\n": types.SecurityAssessmentDocument,
    "\n  fragment SecurityPolicyFields on SecurityPolicyModel {\n    passwordMinLength\n    passwordMinClasses\n    passwordHistory\n    passwordMaxAgeDays\n    sessionIdleMinutes\n    sessionMaxHours\n    twoFactorRoles\n    watermark\n    passwordRule\n    version\n  }\n": types.SecurityPolicyFieldsFragmentDoc,
    "\n  query SecurityPolicy {\n    securityPolicy {\n      ...SecurityPolicyFields\n    }\n  }\n": types.SecurityPolicyDocument,
    "\n  query UnusedAccounts($days: Int) {\n    unusedAccounts(days: $days) {\n      ...UserRow\n    }\n  }\n": types.UnusedAccountsDocument,
    "\n  mutation UpdateSecurityPolicy($input: UpdateSecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      ...SecurityPolicyFields\n    }\n  }\n": types.UpdateSecurityPolicyDocument,
    "\n  query BackupStatus {\n    backupStatus {\n      nightly\n      lastBackupAt\n      ageHours\n      keep\n    }\n  }\n": types.BackupStatusDocument,
    "\n  query LightRecompute {\n    lightRecompute {\n      reason\n      total\n      done\n      changed\n      startedAt\n      finishedAt\n      running\n      failed\n    }\n  }\n": types.LightRecomputeDocument,
    "\n  mutation ReleaseLeaderlessReports($unitIds: [ID!]) {\n    releaseLeaderlessReports(unitIds: $unitIds)\n  }\n": types.ReleaseLeaderlessReportsDocument,
    "\n  fragment SsoSettingsFields on SsoSettingsModel {\n    enabled\n    issuer\n    clientId\n    clientSecretMasked\n    claim\n    matchField\n    passwordAllowed\n    createUsers\n    defaultRole\n    redirectUri\n    version\n  }\n": types.SsoSettingsFieldsFragmentDoc,
    "\n  query SsoSettings {\n    ssoSettings {\n      ...SsoSettingsFields\n    }\n  }\n": types.SsoSettingsDocument,
    "\n  fragment TenantWithSettings on Tenant {\n    id\n    version\n    name\n    code\n    settings {\n      leaderApproval\n      yellowWithinWorkingDays\n      remindBeforeWorkingDays\n      urgeAfterWorkingDays\n      superviseAfterWorkingDays\n      paceMarginPercent\n      defaultDueMonthDay\n      signWithinWorkingDays\n      publicName\n      publicFrameAncestors\n      reportCycle {\n        kind\n        dayOfMonth\n        weekday\n      }\n    }\n  }\n": types.TenantWithSettingsFragmentDoc,
    "\n  query TenantSettings {\n    tenant {\n      ...TenantWithSettings\n    }\n  }\n": types.TenantSettingsDocument,
    "\n  mutation UpdateSsoSettings($input: UpdateSsoSettingsInput!) {\n    updateSsoSettings(input: $input) {\n      ...SsoSettingsFields\n    }\n  }\n": types.UpdateSsoSettingsDocument,
    "\n  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!, $version: Int!) {\n    updateTenantSettings(input: $input, version: $version) {\n      ...TenantWithSettings\n    }\n  }\n": types.UpdateTenantSettingsDocument,
    "\n  mutation AcknowledgeUrge($id: ID!) {\n    acknowledgeUrge(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedByName\n    }\n  }\n": types.AcknowledgeUrgeDocument,
    "\n  mutation DecideDelay($id: ID!, $version: Int!, $input: DecideDelayInput!) {\n    decideDelay(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      decidedAt\n      decisionComment\n    }\n  }\n": types.DecideDelayDocument,
    "\n  mutation IssueSupervisionNotice($input: IssueSupervisionNoticeInput!) {\n    issueSupervisionNotice(input: $input) {\n      ...SupervisionNoticeFields\n    }\n  }\n": types.IssueSupervisionNoticeDocument,
    "\n  query LateSigning {\n    lateSigning {\n      unitId\n      unitName\n      lateCount\n      oldestAssignedOn\n      workingDaysWaiting\n    }\n  }\n": types.LateSigningDocument,
    "\n  mutation RequestDelay($taskId: ID!, $input: RequestDelayInput!) {\n    requestDelay(taskId: $taskId, input: $input) {\n      id\n      status\n      requestedDueDate\n    }\n  }\n": types.RequestDelayDocument,
    "\n  mutation SignTasks($input: SignTasksInput!) {\n    signTasks(input: $input) {\n      signed\n      unsignedLeft\n    }\n  }\n": types.SignTasksDocument,
    "\n  fragment SupervisionNoticeFields on SupervisionNotice {\n    id\n    numberText\n    unitId\n    unitName\n    color\n    note\n    createdAt\n    createdByName\n    tasks {\n      taskId\n      title\n      dueDate\n      progress\n      color\n      state\n    }\n  }\n": types.SupervisionNoticeFieldsFragmentDoc,
    "\n  query SupervisionNotices($unitId: ID, $taskId: ID, $first: Int) {\n    supervisionNotices(unitId: $unitId, taskId: $taskId, first: $first) {\n      totalCount\n      nodes {\n        ...SupervisionNoticeFields\n      }\n    }\n  }\n": types.SupervisionNoticesDocument,
    "\n  query UnsignedTaskCount {\n    unsignedTaskCount\n  }\n": types.UnsignedTaskCountDocument,
    "\n  mutation UrgeTask($taskId: ID!, $message: String!, $idempotencyKey: String) {\n    urgeTask(taskId: $taskId, message: $message, idempotencyKey: $idempotencyKey) {\n      id\n      taskId\n      message\n      createdAt\n    }\n  }\n": types.UrgeTaskDocument,
    "\n  query Urges($filter: UrgeFilterInput, $first: Int, $after: String) {\n    urges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        level\n        message\n        createdAt\n        createdByName\n        acknowledgedAt\n        task {\n          id\n          keyPoint {\n            id\n            label\n            title\n          }\n        }\n      }\n    }\n  }\n": types.UrgesDocument,
    "\n  mutation WithdrawDelay($id: ID!, $version: Int!) {\n    withdrawDelay(id: $id, version: $version) {\n      id\n      version\n      status\n    }\n  }\n": types.WithdrawDelayDocument,
    "\n  mutation CloseTask($taskId: ID!, $version: Int!, $note: String) {\n    closeTask(taskId: $taskId, version: $version, note: $note) {\n      ...TaskCloseState\n    }\n  }\n": types.CloseTaskDocument,
    "\n  mutation CloseTasks($tasks: [CloseTaskItemInput!]!, $note: String) {\n    closeTasks(tasks: $tasks, note: $note) {\n      ...TaskCloseState\n    }\n  }\n": types.CloseTasksDocument,
    "\n  query Dashboard($planId: ID) {\n    dashboard(planId: $planId) {\n      totalTasks\n      overdueCount\n      reportsWaitingReview\n      delayRequestsWaiting\n      dueSoonCount\n      dueSoonUntil\n      lights {\n        light\n        count\n      }\n      unitsMostOverdue {\n        overdueCount\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query MyTasks($filter: TaskFilterInput, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...TaskRow\n      }\n    }\n  }\n": types.MyTasksDocument,
    "\n  mutation ReopenTask($taskId: ID!, $version: Int!, $reason: String!) {\n    reopenTask(taskId: $taskId, version: $version, reason: $reason) {\n      ...TaskCloseState\n    }\n  }\n": types.ReopenTaskDocument,
    "\n  fragment TaskCloseState on Task {\n    id\n    status\n    light\n    closedAt\n    closeNote\n    completedAt\n    version\n  }\n": types.TaskCloseStateFragmentDoc,
    "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskRow\n      assignedOn\n      completedAt\n      acceptedAt\n      closedAt\n      closeNote\n      delayDateRange {\n        earliest\n        latest\n      }\n      keyPoint {\n        id\n        label\n        title\n        text\n        deadlines {\n          id\n          text\n          date\n        }\n        units {\n          id\n          role\n          rawName\n          unit {\n            id\n            name\n          }\n        }\n        instructions {\n          id\n          text\n          authorName\n          createdAt\n        }\n      }\n      milestones {\n        id\n        text\n        date\n        doneAt\n      }\n      reports {\n        id\n        version\n        status\n        text\n        progress\n        claimsCompletion\n        submittedAt\n        authorName\n        leaderName\n        leaderComment\n        leaderSkipped\n        leaderDecidedAt\n        reviewerName\n        reviewComment\n        reviewedAt\n        evidence {\n          id\n          kind\n          url\n          file {\n            id\n            filename\n            mimeType\n            sizeBytes\n          }\n        }\n      }\n      delayRequests {\n        id\n        version\n        status\n        reason\n        currentDueDate\n        requestedDueDate\n        requestedByName\n        decidedByName\n        decidedAt\n        decisionComment\n        createdAt\n        requestedDatePassed\n        requestedWhenOverdue\n      }\n      urges {\n        id\n        level\n        message\n        createdAt\n        createdByName\n        acknowledgedAt\n        acknowledgedByName\n        automatic\n      }\n      history {\n        id\n        at\n        actorName\n        entityType\n        action\n        note\n        before\n        after\n      }\n    }\n  }\n": types.TaskDetailDocument,
    "\n  fragment TaskRow on Task {\n    id\n    version\n    kind\n    role\n    status\n    light\n    progress\n    dueDate\n    originalDueDate\n    isLate\n    urgeCount\n    overdueWorkingDays\n    lastReportAt\n    signedAt\n    unit {\n      id\n      name\n    }\n    keyPoint {\n      id\n      label\n      title\n    }\n    section {\n      id\n      label\n      title\n    }\n    plan {\n      id\n      title\n      year\n    }\n  }\n": types.TaskRowFragmentDoc,
    "\n  query LedgerTasks($filter: TaskFilterInput, $sort: TaskSortInput, $first: Int, $after: String) {\n    tasks(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...TaskRow\n      }\n    }\n  }\n": types.LedgerTasksDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActors($filter: UserFilterInput) {\n    users(filter: $filter, first: 50) {\n      nodes {\n        id\n        username\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditActors($filter: UserFilterInput) {\n    users(filter: $filter, first: 50) {\n      nodes {\n        id\n        username\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditChainCheck {\n    auditChainCheck {\n      ok\n      verified\n      unchained\n      archivedThrough\n      lastSeq\n      pending\n      firstBreak {\n        seq\n        reason\n        id\n        at\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditChainCheck {\n    auditChainCheck {\n      ok\n      verified\n      unchained\n      archivedThrough\n      lastSeq\n      pending\n      firstBreak {\n        seq\n        reason\n        id\n        at\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        seq\n        at\n        actorId\n        actorName\n        actorUsername\n        action\n        entityType\n        entityId\n        result\n        ip\n        userAgent\n        before\n        after\n        note\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($filter: AuditLogFilter, $first: Int, $after: String) {\n    auditLog(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        seq\n        at\n        actorId\n        actorName\n        actorUsername\n        action\n        entityType\n        entityId\n        result\n        ip\n        userAgent\n        before\n        after\n        note\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      uri\n      qrDataUrl\n    }\n  }\n"): (typeof documents)["\n  mutation BeginTwoFactorEnrolment {\n    beginTwoFactorEnrolment {\n      secret\n      uri\n      qrDataUrl\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($input: ChangePasswordInput!) {\n    changePassword(input: $input)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code)\n  }\n"): (typeof documents)["\n  mutation ConfirmTwoFactorEnrolment($code: String!) {\n    confirmTwoFactorEnrolment(code: $code)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SignInOptions($tenantCode: String!) {\n    signInOptions(tenantCode: $tenantCode) {\n      sso\n      passwordAllowed\n    }\n  }\n"): (typeof documents)["\n  query SignInOptions($tenantCode: String!) {\n    signInOptions(tenantCode: $tenantCode) {\n      sso\n      passwordAllowed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  mutation SignIn($input: SignInInput!) {\n    signIn(input: $input) {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignOut {\n    signOut\n  }\n"): (typeof documents)["\n  mutation SignOut {\n    signOut\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on ViewerModel {\n    id\n    username\n    displayName\n    role\n    roles\n    tenantId\n    tenantName\n    tenantDemo\n    unitId\n    unitName\n    csrfToken\n    mustChangePassword\n    ssoLogoutPath\n    passwordExpired\n    passwordRule\n    sessionIdleMinutes\n    twoFactorEnabled\n    mustEnrolTwoFactor\n    watermark\n  }\n"): (typeof documents)["\n  fragment ViewerFields on ViewerModel {\n    id\n    username\n    displayName\n    role\n    roles\n    tenantId\n    tenantName\n    tenantDemo\n    unitId\n    unitName\n    csrfToken\n    mustChangePassword\n    ssoLogoutPath\n    passwordExpired\n    passwordRule\n    sessionIdleMinutes\n    twoFactorEnabled\n    mustEnrolTwoFactor\n    watermark\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarCoverage {\n    calendarCoverage {\n      year\n      covered\n    }\n  }\n"): (typeof documents)["\n  query CalendarCoverage {\n    calendarCoverage {\n      year\n      covered\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CalendarYear($year: Int!) {\n    calendarYear(year: $year) {\n      year\n      covered\n      confirmedByOffice\n      workingDayCount\n      days {\n        date\n        isWorkingDay\n        note\n        source\n        correctionVersion\n      }\n    }\n  }\n"): (typeof documents)["\n  query CalendarYear($year: Int!) {\n    calendarYear(year: $year) {\n      year\n      covered\n      confirmedByOffice\n      workingDayCount\n      days {\n        date\n        isWorkingDay\n        note\n        source\n        correctionVersion\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmCalendarYear($year: Int!) {\n    confirmCalendarYear(year: $year) {\n      year\n      covered\n      confirmedByOffice\n      workingDayCount\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmCalendarYear($year: Int!) {\n    confirmCalendarYear(year: $year) {\n      year\n      covered\n      confirmedByOffice\n      workingDayCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportHolidayNotice($input: HolidayNoticeInput!) {\n    importHolidayNotice(input: $input) {\n      year\n      saved\n      warnings\n      days {\n        date\n        workday\n        note\n        changes\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ImportHolidayNotice($input: HolidayNoticeInput!) {\n    importHolidayNotice(input: $input) {\n      year\n      saved\n      warnings\n      days {\n        date\n        workday\n        note\n        changes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveCalendarCorrection($date: String!, $version: Int!) {\n    removeCalendarCorrection(date: $date, version: $version) {\n      date\n      isWorkingDay\n      note\n      source\n      correctionVersion\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveCalendarCorrection($date: String!, $version: Int!) {\n    removeCalendarCorrection(date: $date, version: $version) {\n      date\n      isWorkingDay\n      note\n      source\n      correctionVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCalendarDay($input: SetCalendarDayInput!) {\n    setCalendarDay(input: $input) {\n      date\n      isWorkingDay\n      note\n      source\n      correctionVersion\n    }\n  }\n"): (typeof documents)["\n  mutation SetCalendarDay($input: SetCalendarDayInput!) {\n    setCalendarDay(input: $input) {\n      date\n      isWorkingDay\n      note\n      source\n      correctionVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetCalendarRange($input: SetCalendarRangeInput!) {\n    setCalendarRange(input: $input) {\n      date\n      isWorkingDay\n      source\n      note\n      correctionVersion\n    }\n  }\n"): (typeof documents)["\n  mutation SetCalendarRange($input: SetCalendarRangeInput!) {\n    setCalendarRange(input: $input) {\n      date\n      isWorkingDay\n      source\n      note\n      correctionVersion\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateMissingLiaisons($unitIds: [ID!]) {\n    createMissingLiaisons(unitIds: $unitIds) {\n      userId\n      username\n      displayName\n      role\n      unitName\n      password\n    }\n  }\n"): (typeof documents)["\n  mutation CreateMissingLiaisons($unitIds: [ID!]) {\n    createMissingLiaisons(unitIds: $unitIds) {\n      userId\n      username\n      displayName\n      role\n      unitName\n      password\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n      name\n      kind\n      active\n      aliases\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUnit($input: CreateUnitInput!) {\n    createUnit(input: $input) {\n      id\n      name\n      kind\n      active\n      aliases\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      generatedPassword\n      user {\n        ...UserRow\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      generatedPassword\n      user {\n        ...UserRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeactivateUnit($id: ID!, $version: Int!, $moveOpenTasksTo: ID) {\n    deactivateUnit(id: $id, version: $version, moveOpenTasksTo: $moveOpenTasksTo) {\n      unit {\n        ...DirectoryUnit\n      }\n      movedTasks\n      keptTasks\n    }\n  }\n"): (typeof documents)["\n  mutation DeactivateUnit($id: ID!, $version: Int!, $moveOpenTasksTo: ID) {\n    deactivateUnit(id: $id, version: $version, moveOpenTasksTo: $moveOpenTasksTo) {\n      unit {\n        ...DirectoryUnit\n      }\n      movedTasks\n      keptTasks\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteUnit($id: ID!, $version: Int!) {\n    deleteUnit(id: $id, version: $version)\n  }\n"): (typeof documents)["\n  mutation DeleteUnit($id: ID!, $version: Int!) {\n    deleteUnit(id: $id, version: $version)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DirectoryUnits($filter: UnitFilterInput) {\n    units(filter: $filter) {\n      ...DirectoryUnit\n    }\n  }\n"): (typeof documents)["\n  query DirectoryUnits($filter: UnitFilterInput) {\n    units(filter: $filter) {\n      ...DirectoryUnit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($userId: ID!) {\n    resetPassword(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation ResetPassword($userId: ID!) {\n    resetPassword(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetTwoFactor($userId: ID!) {\n    resetTwoFactor(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation ResetTwoFactor($userId: ID!) {\n    resetTwoFactor(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantCode {\n    tenant {\n      id\n      code\n    }\n  }\n"): (typeof documents)["\n  query TenantCode {\n    tenant {\n      id\n      code\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DirectoryUnit on Unit {\n    id\n    version\n    name\n    kind\n    active\n    aliases\n    parentId\n    sort\n    people {\n      id\n      displayName\n      role\n      phone\n      lastSignInAt\n    }\n  }\n"): (typeof documents)["\n  fragment DirectoryUnit on Unit {\n    id\n    version\n    name\n    kind\n    active\n    aliases\n    parentId\n    sort\n    people {\n      id\n      displayName\n      role\n      phone\n      lastSignInAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitUsage($id: ID!) {\n    unit(id: $id) {\n      id\n      version\n      usage {\n        activePeople\n        openTasks\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitUsage($id: ID!) {\n    unit(id: $id) {\n      id\n      version\n      usage {\n        activePeople\n        openTasks\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Units($filter: UnitFilterInput) {\n    units(filter: $filter) {\n      id\n      name\n      kind\n      active\n      aliases\n    }\n  }\n"): (typeof documents)["\n  query Units($filter: UnitFilterInput) {\n    units(filter: $filter) {\n      id\n      name\n      kind\n      active\n      aliases\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnlockUser($userId: ID!) {\n    unlockUser(userId: $userId)\n  }\n"): (typeof documents)["\n  mutation UnlockUser($userId: ID!) {\n    unlockUser(userId: $userId)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUnit($id: ID!, $input: UpdateUnitInput!, $version: Int!) {\n    updateUnit(id: $id, input: $input, version: $version) {\n      ...DirectoryUnit\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUnit($id: ID!, $input: UpdateUnitInput!, $version: Int!) {\n    updateUnit(id: $id, input: $input, version: $version) {\n      ...DirectoryUnit\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $version: Int!) {\n    updateUser(id: $id, input: $input, version: $version) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($id: ID!, $input: UpdateUserInput!, $version: Int!) {\n    updateUser(id: $id, input: $input, version: $version) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserRow on User {\n    id\n    version\n    username\n    displayName\n    role\n    roles\n    unitId\n    unit {\n      id\n      name\n    }\n    email\n    phone\n    wecomUserid\n    dingtalkUserid\n    active\n    locked\n    twoFactorEnabled\n    mustChangePassword\n    createdAt\n    lastSignInAt\n  }\n"): (typeof documents)["\n  fragment UserRow on User {\n    id\n    version\n    username\n    displayName\n    role\n    roles\n    unitId\n    unit {\n      id\n      name\n    }\n    email\n    phone\n    wecomUserid\n    dingtalkUserid\n    active\n    locked\n    twoFactorEnabled\n    mustChangePassword\n    createdAt\n    lastSignInAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($filter: UserFilterInput, $first: Int, $after: String, $sort: UserSort, $descending: Boolean) {\n    users(filter: $filter, first: $first, after: $after, sort: $sort, descending: $descending) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...UserRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query Users($filter: UserFilterInput, $first: Int, $after: String, $sort: UserSort, $descending: Boolean) {\n    users(filter: $filter, first: $first, after: $after, sort: $sort, descending: $descending) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...UserRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcceptTenantLinkInvite($code: String!) {\n    acceptTenantLinkInvite(code: $code) {\n      ...TenantLinksParts\n    }\n  }\n"): (typeof documents)["\n  mutation AcceptTenantLinkInvite($code: String!) {\n    acceptTenantLinkInvite(code: $code) {\n      ...TenantLinksParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeUpperUrge($id: ID!) {\n    acknowledgeUpperUrge(id: $id) {\n      ...UpperUrgeParts\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeUpperUrge($id: ID!) {\n    acknowledgeUpperUrge(id: $id) {\n      ...UpperUrgeParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenantLinkInvite($note: String) {\n    createTenantLinkInvite(note: $note) {\n      code\n      invite {\n        id\n        note\n        createdAt\n        expiresAt\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenantLinkInvite($note: String) {\n    createTenantLinkInvite(note: $note) {\n      code\n      invite {\n        id\n        note\n        createdAt\n        expiresAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndLowerTenantLink($tenantId: ID!) {\n    endLowerTenantLink(tenantId: $tenantId) {\n      ...TenantLinksParts\n    }\n  }\n"): (typeof documents)["\n  mutation EndLowerTenantLink($tenantId: ID!) {\n    endLowerTenantLink(tenantId: $tenantId) {\n      ...TenantLinksParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EndUpperTenantLink($upperTenantId: ID!) {\n    endUpperTenantLink(upperTenantId: $upperTenantId) {\n      ...TenantLinksParts\n    }\n  }\n"): (typeof documents)["\n  mutation EndUpperTenantLink($upperTenantId: ID!) {\n    endUpperTenantLink(upperTenantId: $upperTenantId) {\n      ...TenantLinksParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyPointUpperLinks($planId: ID!) {\n    upperPlanPoints {\n      ...UpperPlanPointParts\n    }\n    keyPointUpperLinks(planId: $planId) {\n      ...KeyPointUpperLinksParts\n    }\n  }\n"): (typeof documents)["\n  query KeyPointUpperLinks($planId: ID!) {\n    upperPlanPoints {\n      ...UpperPlanPointParts\n    }\n    keyPointUpperLinks(planId: $planId) {\n      ...KeyPointUpperLinksParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LowerCoverage($year: Int) {\n    lowerCoverage(year: $year) {\n      year\n      points {\n        keyPointId\n        label\n        title\n        coveredBy\n        counts {\n          ...LowerRollupCountsParts\n        }\n        lowerKeyPoints\n        lowerTasks\n        lowerRed\n        lowerDone\n        lowerOverdue\n      }\n      lowers {\n        tenantId\n        name\n        covered\n        share\n      }\n    }\n  }\n\n  fragment LowerRollupCountsParts on LowerRollupCounts {\n    tasks\n    green\n    yellow\n    red\n    doneShare\n    overdue\n    overdueUnitCount\n    lastReportOn\n  }\n"): (typeof documents)["\n  query LowerCoverage($year: Int) {\n    lowerCoverage(year: $year) {\n      year\n      points {\n        keyPointId\n        label\n        title\n        coveredBy\n        counts {\n          ...LowerRollupCountsParts\n        }\n        lowerKeyPoints\n        lowerTasks\n        lowerRed\n        lowerDone\n        lowerOverdue\n      }\n      lowers {\n        tenantId\n        name\n        covered\n        share\n      }\n    }\n  }\n\n  fragment LowerRollupCountsParts on LowerRollupCounts {\n    tasks\n    green\n    yellow\n    red\n    doneShare\n    overdue\n    overdueUnitCount\n    lastReportOn\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LowerRollupDetail($keyPointId: ID!) {\n    lowerRollupDetail(keyPointId: $keyPointId) {\n      id\n      lowerTenantId\n      lowerTenantName\n      label\n      title\n      tasks {\n        id\n        unitName\n        status\n        light\n        dueDate\n        lastReportOn\n        overdue\n        sharedReport {\n          text\n          attachments {\n            fileId\n            filename\n          }\n          reportOn\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LowerRollupDetail($keyPointId: ID!) {\n    lowerRollupDetail(keyPointId: $keyPointId) {\n      id\n      lowerTenantId\n      lowerTenantName\n      label\n      title\n      tasks {\n        id\n        unitName\n        status\n        light\n        dueDate\n        lastReportOn\n        overdue\n        sharedReport {\n          text\n          attachments {\n            fileId\n            filename\n          }\n          reportOn\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment LowerUrgeParts on LowerUrge {\n    id\n    lowerTenantId\n    lowerTenantName\n    keyPointId\n    keyPointLabel\n    keyPointTitle\n    situation\n    message\n    createdByName\n    createdAt\n    acknowledgedAt\n    acknowledgedByName\n  }\n"): (typeof documents)["\n  fragment LowerUrgeParts on LowerUrge {\n    id\n    lowerTenantId\n    lowerTenantName\n    keyPointId\n    keyPointLabel\n    keyPointTitle\n    situation\n    message\n    createdByName\n    createdAt\n    acknowledgedAt\n    acknowledgedByName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LowerUrges($unacknowledged: Boolean, $first: Int, $after: String) {\n    lowerUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...LowerUrgeParts\n      }\n    }\n  }\n"): (typeof documents)["\n  query LowerUrges($unacknowledged: Boolean, $first: Int, $after: String) {\n    lowerUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...LowerUrgeParts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeTenantLinkInvite($id: ID!) {\n    revokeTenantLinkInvite(id: $id) {\n      ...TenantLinksParts\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeTenantLinkInvite($id: ID!) {\n    revokeTenantLinkInvite(id: $id) {\n      ...TenantLinksParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetKeyPointUpperLinks($keyPointId: ID!, $upperPointIds: [ID!]!, $version: Int!) {\n    setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds, version: $version) {\n      ...KeyPointUpperLinksParts\n    }\n  }\n"): (typeof documents)["\n  mutation SetKeyPointUpperLinks($keyPointId: ID!, $upperPointIds: [ID!]!, $version: Int!) {\n    setKeyPointUpperLinks(keyPointId: $keyPointId, upperPointIds: $upperPointIds, version: $version) {\n      ...KeyPointUpperLinksParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUpperShareSetting($input: UpperShareSettingInput!, $version: Int!) {\n    setUpperShareSetting(input: $input, version: $version) {\n      shareReportText\n      shareReportFiles\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SetUpperShareSetting($input: UpperShareSettingInput!, $version: Int!) {\n    setUpperShareSetting(input: $input, version: $version) {\n      shareReportText\n      shareReportFiles\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartPlanFromUpper($year: Int) {\n    startPlanFromUpper(year: $year) {\n      id\n      title\n    }\n  }\n"): (typeof documents)["\n  mutation StartPlanFromUpper($year: Int) {\n    startPlanFromUpper(year: $year) {\n      id\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantLinksParts on TenantLinks {\n    upper {\n      id\n      name\n      linkedAt\n    }\n    lowers {\n      id\n      name\n      linkedAt\n    }\n    invites {\n      id\n      note\n      createdAt\n      expiresAt\n    }\n  }\n"): (typeof documents)["\n  fragment TenantLinksParts on TenantLinks {\n    upper {\n      id\n      name\n      linkedAt\n    }\n    lowers {\n      id\n      name\n      linkedAt\n    }\n    invites {\n      id\n      note\n      createdAt\n      expiresAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantLinks {\n    tenantLinks {\n      ...TenantLinksParts\n    }\n  }\n"): (typeof documents)["\n  query TenantLinks {\n    tenantLinks {\n      ...TenantLinksParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UpperPlanPointParts on UpperPlanPoint {\n    id\n    planYear\n    planTitle\n    sectionTitle\n    seq\n    label\n    title\n  }\n"): (typeof documents)["\n  fragment UpperPlanPointParts on UpperPlanPoint {\n    id\n    planYear\n    planTitle\n    sectionTitle\n    seq\n    label\n    title\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KeyPointUpperLinksParts on KeyPointUpperLinks {\n    keyPointId\n    version\n    linked {\n      ...UpperPlanPointParts\n    }\n    proposed {\n      score\n      point {\n        ...UpperPlanPointParts\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment KeyPointUpperLinksParts on KeyPointUpperLinks {\n    keyPointId\n    version\n    linked {\n      ...UpperPlanPointParts\n    }\n    proposed {\n      score\n      point {\n        ...UpperPlanPointParts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpperPlanPoints {\n    upperPlanPoints {\n      ...UpperPlanPointParts\n    }\n  }\n"): (typeof documents)["\n  query UpperPlanPoints {\n    upperPlanPoints {\n      ...UpperPlanPointParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpperShareSetting {\n    upperShareSetting {\n      shareReportText\n      shareReportFiles\n      version\n    }\n  }\n"): (typeof documents)["\n  query UpperShareSetting {\n    upperShareSetting {\n      shareReportText\n      shareReportFiles\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UpperUrgeParts on UpperUrge {\n    id\n    upperTenantName\n    keyPointLabel\n    keyPointTitle\n    situation\n    message\n    senderName\n    createdAt\n    acknowledgedAt\n    acknowledgedByName\n    linkedKeyPoints {\n      id\n      planId\n      label\n      title\n    }\n  }\n"): (typeof documents)["\n  fragment UpperUrgeParts on UpperUrge {\n    id\n    upperTenantName\n    keyPointLabel\n    keyPointTitle\n    situation\n    message\n    senderName\n    createdAt\n    acknowledgedAt\n    acknowledgedByName\n    linkedKeyPoints {\n      id\n      planId\n      label\n      title\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UpperUrges($unacknowledged: Boolean, $first: Int, $after: String) {\n    upperUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...UpperUrgeParts\n      }\n    }\n  }\n"): (typeof documents)["\n  query UpperUrges($unacknowledged: Boolean, $first: Int, $after: String) {\n    upperUrges(unacknowledged: $unacknowledged, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        ...UpperUrgeParts\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UrgeLowerTenant($lowerTenantId: ID!, $keyPointId: ID!, $message: String!) {\n    urgeLowerTenant(lowerTenantId: $lowerTenantId, keyPointId: $keyPointId, message: $message) {\n      ...LowerUrgeParts\n    }\n  }\n"): (typeof documents)["\n  mutation UrgeLowerTenant($lowerTenantId: ID!, $keyPointId: ID!, $message: String!) {\n    urgeLowerTenant(lowerTenantId: $lowerTenantId, keyPointId: $keyPointId, message: $message) {\n      ...LowerUrgeParts\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteMessageRobot($id: ID!, $version: Int!) {\n    deleteMessageRobot(id: $id, version: $version)\n  }\n"): (typeof documents)["\n  mutation DeleteMessageRobot($id: ID!, $version: Int!) {\n    deleteMessageRobot(id: $id, version: $version)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageDeliveries($status: DeliveryStatus, $first: Int, $after: String) {\n    messageDeliveries(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageDeliveries($status: DeliveryStatus, $first: Int, $after: String) {\n    messageDeliveries(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageDeliveryFields on MessageDelivery {\n    id\n    channel\n    kind\n    title\n    recipientName\n    robotName\n    status\n    attempts\n    lastError\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n"): (typeof documents)["\n  fragment MessageDeliveryFields on MessageDelivery {\n    id\n    channel\n    kind\n    title\n    recipientName\n    robotName\n    status\n    attempts\n    lastError\n    createdAt\n    sentAt\n    nextAttemptAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageReach($kind: NotificationKind!, $unitIds: [ID!], $planId: ID) {\n    messageReach(kind: $kind, unitIds: $unitIds, planId: $planId) {\n      unreachableUnitNames\n      robotNames\n      units {\n        unitId\n        unitName\n        people {\n          name\n          role\n          channels\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageReach($kind: NotificationKind!, $unitIds: [ID!], $planId: ID) {\n    messageReach(kind: $kind, unitIds: $unitIds, planId: $planId) {\n      unreachableUnitNames\n      robotNames\n      units {\n        unitId\n        unitName\n        people {\n          name\n          role\n          channels\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageRobots {\n    messageRobots {\n      id\n      name\n      platform\n      kinds\n      enabled\n      webhookMasked\n      signSecretMasked\n      version\n      lastDelivery {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query MessageRobots {\n    messageRobots {\n      id\n      name\n      platform\n      kinds\n      enabled\n      webhookMasked\n      signSecretMasked\n      version\n      lastDelivery {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageSettingsFields on MessageSettings {\n    wecom {\n      appId\n      agentId\n      secretMasked\n    }\n    dingtalk {\n      appId\n      agentId\n      secretMasked\n    }\n    defaultChannels {\n      kind\n      channels\n    }\n    workStart\n    workEnd\n    emailAvailable\n    version\n  }\n"): (typeof documents)["\n  fragment MessageSettingsFields on MessageSettings {\n    wecom {\n      appId\n      agentId\n      secretMasked\n    }\n    dingtalk {\n      appId\n      agentId\n      secretMasked\n    }\n    defaultChannels {\n      kind\n      channels\n    }\n    workStart\n    workEnd\n    emailAvailable\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MessageSettings {\n    messageSettings {\n      ...MessageSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query MessageSettings {\n    messageSettings {\n      ...MessageSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SaveMessageRobot($input: SaveMessageRobotInput!) {\n    saveMessageRobot(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SaveMessageRobot($input: SaveMessageRobotInput!) {\n    saveMessageRobot(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskMessages($id: ID!) {\n    task(id: $id) {\n      id\n      messages {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query TaskMessages($id: ID!) {\n    task(id: $id) {\n      id\n      messages {\n        ...MessageDeliveryFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestMessageRobot($id: ID!) {\n    testMessageRobot(id: $id) {\n      delivered\n      code\n      detail\n      answer\n    }\n  }\n"): (typeof documents)["\n  mutation TestMessageRobot($id: ID!) {\n    testMessageRobot(id: $id) {\n      delivered\n      code\n      detail\n      answer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWorkApp($platform: RobotPlatform!) {\n    testWorkApp(platform: $platform) {\n      delivered\n      code\n      detail\n      answer\n    }\n  }\n"): (typeof documents)["\n  mutation TestWorkApp($platform: RobotPlatform!) {\n    testWorkApp(platform: $platform) {\n      delivered\n      code\n      detail\n      answer\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateMessageSettings($input: UpdateMessageSettingsInput!, $version: Int!) {\n    updateMessageSettings(input: $input, version: $version) {\n      ...MessageSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateMessageSettings($input: UpdateMessageSettingsInput!, $version: Int!) {\n    updateMessageSettings(input: $input, version: $version) {\n      ...MessageSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      marked\n      unreadCount\n    }\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {\n    markNotificationsRead(input: $input) {\n      marked\n      unreadCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationPreferencesFields on NotificationPreferences {\n    emailDigest\n    mutedKinds\n    quietHours\n    reachableChannels\n    channels {\n      kind\n      channels\n    }\n    version\n  }\n"): (typeof documents)["\n  fragment NotificationPreferencesFields on NotificationPreferences {\n    emailDigest\n    mutedKinds\n    quietHours\n    reachableChannels\n    channels {\n      kind\n      channels\n    }\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NotificationPreferences {\n    notificationPreferences {\n      ...NotificationPreferencesFields\n    }\n  }\n"): (typeof documents)["\n  query NotificationPreferences {\n    notificationPreferences {\n      ...NotificationPreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Notifications($unreadOnly: Boolean, $kinds: [NotificationKind!], $first: Int, $after: String) {\n    notifications(unreadOnly: $unreadOnly, kinds: $kinds, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        taskId\n        groupCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query Notifications($unreadOnly: Boolean, $kinds: [NotificationKind!], $first: Int, $after: String) {\n    notifications(unreadOnly: $unreadOnly, kinds: $kinds, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        kind\n        title\n        body\n        createdAt\n        readAt\n        taskId\n        groupCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"): (typeof documents)["\n  query UnreadNotificationCount {\n    unreadNotificationCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...NotificationPreferencesFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateNotificationPreferences($input: UpdateNotificationPreferencesInput!) {\n    updateNotificationPreferences(input: $input) {\n      ...NotificationPreferencesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddInstruction($keyPointId: ID!, $text: String!, $idempotencyKey: String) {\n    addInstruction(keyPointId: $keyPointId, text: $text, idempotencyKey: $idempotencyKey) {\n      id\n      keyPointId\n      text\n      authorName\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation AddInstruction($keyPointId: ID!, $text: String!, $idempotencyKey: String) {\n    addInstruction(keyPointId: $keyPointId, text: $text, idempotencyKey: $idempotencyKey) {\n      id\n      keyPointId\n      text\n      authorName\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddKeyPointDeadline($keyPointId: ID!, $version: Int!, $input: DeadlineInput!) {\n    addKeyPointDeadline(keyPointId: $keyPointId, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation AddKeyPointDeadline($keyPointId: ID!, $version: Int!, $input: DeadlineInput!) {\n    addKeyPointDeadline(keyPointId: $keyPointId, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddKeyPointUnit($keyPointId: ID!, $version: Int!, $unitId: ID!, $role: TaskRole!) {\n    addKeyPointUnit(keyPointId: $keyPointId, version: $version, unitId: $unitId, role: $role) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation AddKeyPointUnit($keyPointId: ID!, $version: Int!, $unitId: ID!, $role: TaskRole!) {\n    addKeyPointUnit(keyPointId: $keyPointId, version: $version, unitId: $unitId, role: $role) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddKeyPoint($input: AddKeyPointInput!) {\n    addKeyPoint(input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation AddKeyPoint($input: AddKeyPointInput!) {\n    addKeyPoint(input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddPlanMilestone($planId: ID!, $version: Int!, $input: DeadlineInput!) {\n    addPlanMilestone(planId: $planId, version: $version, input: $input) {\n      id\n      version\n      milestones {\n        id\n        text\n        date\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddPlanMilestone($planId: ID!, $version: Int!, $input: DeadlineInput!) {\n    addPlanMilestone(planId: $planId, version: $version, input: $input) {\n      id\n      version\n      milestones {\n        id\n        text\n        date\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AmendKeyPoint($id: ID!, $version: Int!, $input: AmendKeyPointInput!) {\n    amendKeyPoint(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation AmendKeyPoint($id: ID!, $version: Int!, $input: AmendKeyPointInput!) {\n    amendKeyPoint(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation CreatePlan($input: CreatePlanInput!) {\n    createPlan(input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteKeyPoint($id: ID!, $version: Int!) {\n    deleteKeyPoint(id: $id, version: $version)\n  }\n"): (typeof documents)["\n  mutation DeleteKeyPoint($id: ID!, $version: Int!) {\n    deleteKeyPoint(id: $id, version: $version)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePlanSection($id: ID!, $version: Int!) {\n    deletePlanSection(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation DeletePlanSection($id: ID!, $version: Int!) {\n    deletePlanSection(id: $id, version: $version) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeletePlan($id: ID!, $version: Int!) {\n    deletePlan(id: $id, version: $version)\n  }\n"): (typeof documents)["\n  mutation DeletePlan($id: ID!, $version: Int!) {\n    deletePlan(id: $id, version: $version)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DraftKeyPoint on KeyPoint {\n    id\n    version\n    seq\n    label\n    title\n    text\n    sectionId\n    parentId\n    dueDate\n    deadlines {\n      id\n      text\n      date\n    }\n    units {\n      id\n      role\n      rawName\n      resolution\n      impliedFrom\n      unit {\n        id\n        name\n      }\n      candidates {\n        score\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DraftKeyPoint on KeyPoint {\n    id\n    version\n    seq\n    label\n    title\n    text\n    sectionId\n    parentId\n    dueDate\n    deadlines {\n      id\n      text\n      date\n    }\n    units {\n      id\n      role\n      rawName\n      resolution\n      impliedFrom\n      unit {\n        id\n        name\n      }\n      candidates {\n        score\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DraftUnitNameFields on DraftUnitName {\n    name\n    keyPoints\n    unresolvedKeyPoints\n    suggestedKind\n    units {\n      id\n      name\n    }\n    candidates {\n      score\n      unit {\n        id\n        name\n      }\n    }\n    decision {\n      id\n      action\n      kind\n    }\n  }\n"): (typeof documents)["\n  fragment DraftUnitNameFields on DraftUnitName {\n    name\n    keyPoints\n    unresolvedKeyPoints\n    suggestedKind\n    units {\n      id\n      name\n    }\n    candidates {\n      score\n      unit {\n        id\n        name\n      }\n    }\n    decision {\n      id\n      action\n      kind\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetUnitNameDecision($id: ID!) {\n    forgetUnitNameDecision(id: $id)\n  }\n"): (typeof documents)["\n  mutation ForgetUnitNameDecision($id: ID!) {\n    forgetUnitNameDecision(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkSource($planId: ID!, $version: Int!, $input: MarkSourceInput!) {\n    markSource(planId: $planId, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation MarkSource($planId: ID!, $version: Int!, $input: MarkSourceInput!) {\n    markSource(planId: $planId, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanDraft($id: ID!) {\n    plan(id: $id) {\n      ...PlanHeaderFields\n      status\n      sourceText\n      sourceFilename\n      parseWarnings\n      unresolvedCount\n      publishedAt\n      defaultDueDate\n      duplicatePlans {\n        id\n        title\n        status\n      }\n      sections {\n        id\n        label\n        title\n        sort\n      }\n      milestones {\n        id\n        text\n        date\n      }\n      keyPoints {\n        ...DraftKeyPoint\n      }\n      publishPreview {\n        ...PublishPreviewFields\n      }\n      unitNames {\n        ...DraftUnitNameFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanDraft($id: ID!) {\n    plan(id: $id) {\n      ...PlanHeaderFields\n      status\n      sourceText\n      sourceFilename\n      parseWarnings\n      unresolvedCount\n      publishedAt\n      defaultDueDate\n      duplicatePlans {\n        id\n        title\n        status\n      }\n      sections {\n        id\n        label\n        title\n        sort\n      }\n      milestones {\n        id\n        text\n        date\n      }\n      keyPoints {\n        ...DraftKeyPoint\n      }\n      publishPreview {\n        ...PublishPreviewFields\n      }\n      unitNames {\n        ...DraftUnitNameFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PlanHeaderFields on Plan {\n    id\n    version\n    title\n    year\n    docNumber\n    issuer\n    parentPlanId\n  }\n"): (typeof documents)["\n  fragment PlanHeaderFields on Plan {\n    id\n    version\n    title\n    year\n    docNumber\n    issuer\n    parentPlanId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanProgress($planId: ID!) {\n    planProgress(planId: $planId) {\n      plan {\n        id\n        title\n        year\n      }\n      sections {\n        sectionId\n        label\n        title\n        keyPoints {\n          keyPointId\n          label\n          title\n          parentId\n          dueDate\n          taskCount\n          averageProgress\n          leadUnitIds\n          byLight {\n            light\n            count\n          }\n          byStatus {\n            status\n            count\n          }\n        }\n      }\n      units {\n        unitId\n        unit {\n          id\n          name\n        }\n        taskCount\n        averageProgress\n        byLight {\n          light\n          count\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanProgress($planId: ID!) {\n    planProgress(planId: $planId) {\n      plan {\n        id\n        title\n        year\n      }\n      sections {\n        sectionId\n        label\n        title\n        keyPoints {\n          keyPointId\n          label\n          title\n          parentId\n          dueDate\n          taskCount\n          averageProgress\n          leadUnitIds\n          byLight {\n            light\n            count\n          }\n          byStatus {\n            status\n            count\n          }\n        }\n      }\n      units {\n        unitId\n        unit {\n          id\n          name\n        }\n        taskCount\n        averageProgress\n        byLight {\n          light\n          count\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyPointProgressTasks($keyPointId: ID!) {\n    keyPointProgressTasks(keyPointId: $keyPointId) {\n      taskId\n      unitId\n      role\n      status\n      progress\n      light\n      dueDate\n      unit {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query KeyPointProgressTasks($keyPointId: ID!) {\n    keyPointProgressTasks(keyPointId: $keyPointId) {\n      taskId\n      unitId\n      role\n      status\n      progress\n      light\n      dueDate\n      unit {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PlanSections($id: ID!) {\n    plan(id: $id) {\n      id\n      sections {\n        id\n        label\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  query PlanSections($id: ID!) {\n    plan(id: $id) {\n      id\n      sections {\n        id\n        label\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Plans($status: PlanStatus, $first: Int, $after: String) {\n    plans(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        title\n        year\n        status\n        docNumber\n        version\n        createdAt\n        publishedAt\n        unresolvedCount\n      }\n    }\n  }\n"): (typeof documents)["\n  query Plans($status: PlanStatus, $first: Int, $after: String) {\n    plans(status: $status, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        id\n        title\n        year\n        status\n        docNumber\n        version\n        createdAt\n        publishedAt\n        unresolvedCount\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishPlan($id: ID!, $version: Int!) {\n    publishPlan(id: $id, version: $version) {\n      id\n      status\n      version\n      publishedAt\n    }\n  }\n"): (typeof documents)["\n  mutation PublishPlan($id: ID!, $version: Int!) {\n    publishPlan(id: $id, version: $version) {\n      id\n      status\n      version\n      publishedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PublishPreviewFields on PublishPreview {\n    keyPoints\n    tasksToCreate\n    unitsInvolved\n    keyPointsWithoutUnits\n    unresolvedNames\n    unresolvedOccurrences\n    unitsWithoutLiaison {\n      id\n      name\n    }\n    pastTimeLimits {\n      keyPointId\n      label\n      title\n      text\n      date\n      isDueDate\n    }\n  }\n"): (typeof documents)["\n  fragment PublishPreviewFields on PublishPreview {\n    keyPoints\n    tasksToCreate\n    unitsInvolved\n    keyPointsWithoutUnits\n    unresolvedNames\n    unresolvedOccurrences\n    unitsWithoutLiaison {\n      id\n      name\n    }\n    pastTimeLimits {\n      keyPointId\n      label\n      title\n      text\n      date\n      isDueDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublishPreview($id: ID!) {\n    plan(id: $id) {\n      id\n      version\n      unresolvedCount\n      publishPreview {\n        ...PublishPreviewFields\n      }\n      unitNames {\n        ...DraftUnitNameFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query PublishPreview($id: ID!) {\n    plan(id: $id) {\n      id\n      version\n      unresolvedCount\n      publishPreview {\n        ...PublishPreviewFields\n      }\n      unitNames {\n        ...DraftUnitNameFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveKeyPointDeadline($id: ID!, $version: Int!) {\n    removeKeyPointDeadline(id: $id, version: $version) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveKeyPointDeadline($id: ID!, $version: Int!) {\n    removeKeyPointDeadline(id: $id, version: $version) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveKeyPointUnit($id: ID!, $version: Int!) {\n    removeKeyPointUnit(id: $id, version: $version) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveKeyPointUnit($id: ID!, $version: Int!) {\n    removeKeyPointUnit(id: $id, version: $version) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemovePlanMilestone($id: ID!, $version: Int!) {\n    removePlanMilestone(id: $id, version: $version) {\n      id\n      version\n      milestones {\n        id\n        text\n        date\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemovePlanMilestone($id: ID!, $version: Int!) {\n    removePlanMilestone(id: $id, version: $version) {\n      id\n      version\n      milestones {\n        id\n        text\n        date\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResolveUnitName($planId: ID!, $version: Int!, $input: ResolveUnitNameInput!) {\n    resolveUnitName(planId: $planId, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation ResolveUnitName($planId: ID!, $version: Int!, $input: ResolveUnitNameInput!) {\n    resolveUnitName(planId: $planId, version: $version, input: $input) {\n      id\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetKeyPointUnit($id: ID!, $version: Int!, $unitId: ID, $role: TaskRole) {\n    setKeyPointUnit(id: $id, version: $version, unitId: $unitId, role: $role) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation SetKeyPointUnit($id: ID!, $version: Int!, $unitId: ID, $role: TaskRole) {\n    setKeyPointUnit(id: $id, version: $version, unitId: $unitId, role: $role) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitNameDecisions {\n    unitNameDecisions {\n      id\n      name\n      action\n      unitIds\n      kind\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query UnitNameDecisions {\n    unitNameDecisions {\n      id\n      name\n      action\n      unitIds\n      kind\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateKeyPointDeadline($id: ID!, $version: Int!, $input: DeadlineInput!) {\n    updateKeyPointDeadline(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateKeyPointDeadline($id: ID!, $version: Int!, $input: DeadlineInput!) {\n    updateKeyPointDeadline(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateKeyPoint($id: ID!, $version: Int!, $input: UpdateKeyPointInput!) {\n    updateKeyPoint(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateKeyPoint($id: ID!, $version: Int!, $input: UpdateKeyPointInput!) {\n    updateKeyPoint(id: $id, version: $version, input: $input) {\n      ...DraftKeyPoint\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePlan($id: ID!, $version: Int!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, version: $version, input: $input) {\n      ...PlanHeaderFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdatePlan($id: ID!, $version: Int!, $input: UpdatePlanInput!) {\n    updatePlan(id: $id, version: $version, input: $input) {\n      ...PlanHeaderFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PublicPagePlans {\n    publicPagePlans {\n      id\n      year\n      title\n      publicPage\n      path\n      version\n    }\n  }\n"): (typeof documents)["\n  query PublicPagePlans {\n    publicPagePlans {\n      id\n      year\n      title\n      publicPage\n      path\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPlanPublicPage($planId: ID!, $enabled: Boolean!, $version: Int!) {\n    setPlanPublicPage(planId: $planId, enabled: $enabled, version: $version) {\n      id\n      publicPage\n      path\n      version\n    }\n  }\n"): (typeof documents)["\n  mutation SetPlanPublicPage($planId: ID!, $enabled: Boolean!, $version: Int!) {\n    setPlanPublicPage(planId: $planId, enabled: $enabled, version: $version) {\n      id\n      publicPage\n      path\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CheckEvidence($reportId: ID!) {\n    checkEvidence(reportId: $reportId) {\n      id\n      checkStatus\n      checkTitle\n      pageDate\n      checkedAt\n    }\n  }\n"): (typeof documents)["\n  mutation CheckEvidence($reportId: ID!) {\n    checkEvidence(reportId: $reportId) {\n      id\n      checkStatus\n      checkTitle\n      pageDate\n      checkedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LeaderDecideReport($id: ID!, $version: Int!, $input: LeaderDecisionInput!) {\n    leaderDecideReport(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      leaderComment\n    }\n  }\n"): (typeof documents)["\n  mutation LeaderDecideReport($id: ID!, $version: Int!, $input: LeaderDecisionInput!) {\n    leaderDecideReport(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      leaderComment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderQueueCount {\n    leaderQueue(first: 1) {\n      totalCount\n    }\n  }\n"): (typeof documents)["\n  query LeaderQueueCount {\n    leaderQueue(first: 1) {\n      totalCount\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LeaderQueue($first: Int, $after: String) {\n    leaderQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReportQueueItem\n      }\n    }\n  }\n"): (typeof documents)["\n  query LeaderQueue($first: Int, $after: String) {\n    leaderQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReportQueueItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReportEvidenceFlags($id: ID!) {\n    report(id: $id) {\n      id\n      evidenceFlags {\n        code\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReportEvidenceFlags($id: ID!) {\n    report(id: $id) {\n      id\n      evidenceFlags {\n        code\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReportQueueItem on ProgressReport {\n    id\n    version\n    status\n    text\n    progress\n    claimsCompletion\n    leaderSkipped\n    submittedAt\n    authorName\n    unit {\n      id\n      name\n    }\n    task {\n      id\n      keyPoint {\n        id\n        label\n        title\n      }\n    }\n    evidence {\n      id\n      kind\n      url\n      file {\n        id\n        filename\n        sizeBytes\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReportQueueItem on ProgressReport {\n    id\n    version\n    status\n    text\n    progress\n    claimsCompletion\n    leaderSkipped\n    submittedAt\n    authorName\n    unit {\n      id\n      name\n    }\n    task {\n      id\n      keyPoint {\n        id\n        label\n        title\n      }\n    }\n    evidence {\n      id\n      kind\n      url\n      file {\n        id\n        filename\n        sizeBytes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewQueue($first: Int, $after: String) {\n    reviewQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReportQueueItem\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewQueue($first: Int, $after: String) {\n    reviewQueue(first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReportQueueItem\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReviewReport($id: ID!, $version: Int!, $input: ReviewReportInput!) {\n    reviewReport(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      reviewComment\n      reviewedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ReviewReport($id: ID!, $version: Int!, $input: ReviewReportInput!) {\n    reviewReport(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      reviewComment\n      reviewedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubmitReport($taskId: ID!, $input: SubmitReportInput!, $idempotencyKey: String) {\n    submitReport(taskId: $taskId, input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation SubmitReport($taskId: ID!, $input: SubmitReportInput!, $idempotencyKey: String) {\n    submitReport(taskId: $taskId, input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteReview($id: ID!, $version: Int!) {\n    completeReview(id: $id, version: $version) {\n      ...ReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation CompleteReview($id: ID!, $version: Int!) {\n    completeReview(id: $id, version: $version) {\n      ...ReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExcludeReviewItem($itemId: ID!, $version: Int!, $reason: String!) {\n    excludeReviewItem(itemId: $itemId, version: $version, reason: $reason) {\n      ...ReviewItemRow\n    }\n  }\n"): (typeof documents)["\n  mutation ExcludeReviewItem($itemId: ID!, $version: Int!, $reason: String!) {\n    excludeReviewItem(itemId: $itemId, version: $version, reason: $reason) {\n      ...ReviewItemRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IncludeReviewItem($itemId: ID!, $version: Int!) {\n    includeReviewItem(itemId: $itemId, version: $version) {\n      ...ReviewItemRow\n    }\n  }\n"): (typeof documents)["\n  mutation IncludeReviewItem($itemId: ID!, $version: Int!) {\n    includeReviewItem(itemId: $itemId, version: $version) {\n      ...ReviewItemRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenReview($input: OpenReviewInput!) {\n    openReview(input: $input) {\n      ...ReviewFields\n    }\n  }\n"): (typeof documents)["\n  mutation OpenReview($input: OpenReviewInput!) {\n    openReview(input: $input) {\n      ...ReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordVerdict($input: RecordVerdictInput!) {\n    recordVerdict(input: $input) {\n      ...ReviewItemRow\n    }\n  }\n"): (typeof documents)["\n  mutation RecordVerdict($input: RecordVerdictInput!) {\n    recordVerdict(input: $input) {\n      ...ReviewItemRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewFields on Review {\n    id\n    version\n    title\n    status\n    planId\n    openedAt\n    completedAt\n    itemCount\n    untimedTaskCount\n    plan {\n      id\n      title\n      year\n    }\n    progress {\n      total\n      recorded\n      pending\n      excluded\n      implemented\n      partial\n      notImplemented\n      notApplicable\n      rectifications\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewFields on Review {\n    id\n    version\n    title\n    status\n    planId\n    openedAt\n    completedAt\n    itemCount\n    untimedTaskCount\n    plan {\n      id\n      title\n      year\n    }\n    progress {\n      total\n      recorded\n      pending\n      excluded\n      implemented\n      partial\n      notImplemented\n      notApplicable\n      rectifications\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReviewItemRow on ReviewItem {\n    id\n    version\n    verdict\n    notes\n    evidenceUrls\n    rectificationRequirement\n    rectificationTaskId\n    reviewedAt\n    reviewerName\n    excludedReason\n    excludedByName\n    excludedAt\n    taskId\n    unitId\n    unit {\n      id\n      name\n    }\n    rectificationTask {\n      id\n      dueDate\n      status\n    }\n    task {\n      id\n      role\n      status\n      light\n      progress\n      dueDate\n      isLate\n      keyPoint {\n        id\n        label\n        title\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment ReviewItemRow on ReviewItem {\n    id\n    version\n    verdict\n    notes\n    evidenceUrls\n    rectificationRequirement\n    rectificationTaskId\n    reviewedAt\n    reviewerName\n    excludedReason\n    excludedByName\n    excludedAt\n    taskId\n    unitId\n    unit {\n      id\n      name\n    }\n    rectificationTask {\n      id\n      dueDate\n      status\n    }\n    task {\n      id\n      role\n      status\n      light\n      progress\n      dueDate\n      isLate\n      keyPoint {\n        id\n        label\n        title\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewItems($id: ID!, $filter: ReviewItemFilterInput, $first: Int, $after: String) {\n    review(id: $id) {\n      id\n      items(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          ...ReviewItemRow\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewItems($id: ID!, $filter: ReviewItemFilterInput, $first: Int, $after: String) {\n    review(id: $id) {\n      id\n      items(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo {\n          endCursor\n          hasNextPage\n        }\n        nodes {\n          ...ReviewItemRow\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReviewSummary($id: ID!) {\n    reviewSummary(id: $id) {\n      planTitle\n      planYear\n      counts {\n        total\n        recorded\n        pending\n        excluded\n        implemented\n        partial\n        notImplemented\n        notApplicable\n        rectifications\n      }\n      byUnit {\n        unitId\n        unitName\n        counts {\n          total\n          implemented\n          partial\n          notImplemented\n          notApplicable\n          pending\n          rectifications\n        }\n      }\n      rectifications {\n        taskId\n        originTaskId\n        unitId\n        unitName\n        keyPointLabel\n        keyPointTitle\n        verdict\n        requirement\n        dueDate\n        status\n      }\n    }\n  }\n"): (typeof documents)["\n  query ReviewSummary($id: ID!) {\n    reviewSummary(id: $id) {\n      planTitle\n      planYear\n      counts {\n        total\n        recorded\n        pending\n        excluded\n        implemented\n        partial\n        notImplemented\n        notApplicable\n        rectifications\n      }\n      byUnit {\n        unitId\n        unitName\n        counts {\n          total\n          implemented\n          partial\n          notImplemented\n          notApplicable\n          pending\n          rectifications\n        }\n      }\n      rectifications {\n        taskId\n        originTaskId\n        unitId\n        unitName\n        keyPointLabel\n        keyPointTitle\n        verdict\n        requirement\n        dueDate\n        status\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Review($id: ID!) {\n    review(id: $id) {\n      ...ReviewFields\n    }\n  }\n"): (typeof documents)["\n  query Review($id: ID!) {\n    review(id: $id) {\n      ...ReviewFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reviews($planId: ID, $first: Int, $after: String) {\n    reviews(planId: $planId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReviewFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Reviews($planId: ID, $first: Int, $after: String) {\n    reviews(planId: $planId, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...ReviewFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ScoreRulesFields on ScoreRules {\n    version\n    onTimeWeight\n    notOverdueWeight\n    reportingWeight\n    firstPassWeight\n    rectifiedWeight\n    leadWeight\n    tieBreak\n    items {\n      component\n      rule\n      label\n      explain\n      weight\n    }\n  }\n"): (typeof documents)["\n  fragment ScoreRulesFields on ScoreRules {\n    version\n    onTimeWeight\n    notOverdueWeight\n    reportingWeight\n    firstPassWeight\n    rectifiedWeight\n    leadWeight\n    tieBreak\n    items {\n      component\n      rule\n      label\n      explain\n      weight\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScoreRules {\n    scoreRules {\n      ...ScoreRulesFields\n    }\n  }\n"): (typeof documents)["\n  query ScoreRules {\n    scoreRules {\n      ...ScoreRulesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ScorecardTasks(\n    $unitId: ID!\n    $metric: ScorecardMetric!\n    $filter: ScorecardFilterInput!\n    $first: Int\n    $after: String\n  ) {\n    scorecardTasks(unitId: $unitId, metric: $metric, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        count\n        task {\n          id\n          role\n          status\n          light\n          dueDate\n          isLate\n          keyPoint {\n            id\n            label\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ScorecardTasks(\n    $unitId: ID!\n    $metric: ScorecardMetric!\n    $filter: ScorecardFilterInput!\n    $first: Int\n    $after: String\n  ) {\n    scorecardTasks(unitId: $unitId, metric: $metric, filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        count\n        task {\n          id\n          role\n          status\n          light\n          dueDate\n          isLate\n          keyPoint {\n            id\n            label\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Scorecard($filter: ScorecardFilterInput!, $first: Int, $after: String) {\n    scorecard(filter: $filter, first: $first, after: $after) {\n      totalCount\n      rankedUnits\n      year\n      tieBreak\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        unitId\n        unitName\n        rank\n        previousRank\n        score\n        previousScore\n        scoreChange\n        breakdown {\n          component\n          label\n          numerator\n          denominator\n          rate\n          weight\n          points\n        }\n        counts {\n          leadTasks\n          responsibleTasks\n          dueTasks\n          completed\n          completedOnTime\n          completedLate\n          overdueNow\n          periodsOwed\n          periodsOnTime\n          periodsMissed\n          reportsTotal\n          reportsReturned\n          delaysApproved\n          delaysRefused\n          urgesReceived\n          rectifications\n          rectificationsOpen\n          verdictImplemented\n          verdictPartial\n          verdictNotImplemented\n          verdictNotApplicable\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Scorecard($filter: ScorecardFilterInput!, $first: Int, $after: String) {\n    scorecard(filter: $filter, first: $first, after: $after) {\n      totalCount\n      rankedUnits\n      year\n      tieBreak\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        unitId\n        unitName\n        rank\n        previousRank\n        score\n        previousScore\n        scoreChange\n        breakdown {\n          component\n          label\n          numerator\n          denominator\n          rate\n          weight\n          points\n        }\n        counts {\n          leadTasks\n          responsibleTasks\n          dueTasks\n          completed\n          completedOnTime\n          completedLate\n          overdueNow\n          periodsOwed\n          periodsOnTime\n          periodsMissed\n          reportsTotal\n          reportsReturned\n          delaysApproved\n          delaysRefused\n          urgesReceived\n          rectifications\n          rectificationsOpen\n          verdictImplemented\n          verdictPartial\n          verdictNotImplemented\n          verdictNotApplicable\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateScoreRules($rules: ScoreRulesInput!, $version: Int) {\n    updateScoreRules(rules: $rules, version: $version) {\n      ...ScoreRulesFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateScoreRules($rules: ScoreRulesInput!, $version: Int) {\n    updateScoreRules(rules: $rules, version: $version) {\n      ...ScoreRulesFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUnusedAccounts($userIds: [ID!]!, $days: Int) {\n    disableUnusedAccounts(userIds: $userIds, days: $days)\n  }\n"): (typeof documents)["\n  mutation DisableUnusedAccounts($userIds: [ID!]!, $days: Int) {\n    disableUnusedAccounts(userIds: $userIds, days: $days)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityAssessment {\n    securityAssessment {\n      checkedAt\n      controls {\n        key\n        category\n        name\n        setting\n        evidence\n        status\n        why\n      }\n    }\n  }\n"): (typeof documents)["\n  query SecurityAssessment {\n    securityAssessment {\n      checkedAt\n      controls {\n        key\n        category\n        name\n        setting\n        evidence\n        status\n        why\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SecurityPolicyFields on SecurityPolicyModel {\n    passwordMinLength\n    passwordMinClasses\n    passwordHistory\n    passwordMaxAgeDays\n    sessionIdleMinutes\n    sessionMaxHours\n    twoFactorRoles\n    watermark\n    passwordRule\n    version\n  }\n"): (typeof documents)["\n  fragment SecurityPolicyFields on SecurityPolicyModel {\n    passwordMinLength\n    passwordMinClasses\n    passwordHistory\n    passwordMaxAgeDays\n    sessionIdleMinutes\n    sessionMaxHours\n    twoFactorRoles\n    watermark\n    passwordRule\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityPolicy {\n    securityPolicy {\n      ...SecurityPolicyFields\n    }\n  }\n"): (typeof documents)["\n  query SecurityPolicy {\n    securityPolicy {\n      ...SecurityPolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnusedAccounts($days: Int) {\n    unusedAccounts(days: $days) {\n      ...UserRow\n    }\n  }\n"): (typeof documents)["\n  query UnusedAccounts($days: Int) {\n    unusedAccounts(days: $days) {\n      ...UserRow\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSecurityPolicy($input: UpdateSecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      ...SecurityPolicyFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSecurityPolicy($input: UpdateSecurityPolicyInput!) {\n    updateSecurityPolicy(input: $input) {\n      ...SecurityPolicyFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupStatus {\n    backupStatus {\n      nightly\n      lastBackupAt\n      ageHours\n      keep\n    }\n  }\n"): (typeof documents)["\n  query BackupStatus {\n    backupStatus {\n      nightly\n      lastBackupAt\n      ageHours\n      keep\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LightRecompute {\n    lightRecompute {\n      reason\n      total\n      done\n      changed\n      startedAt\n      finishedAt\n      running\n      failed\n    }\n  }\n"): (typeof documents)["\n  query LightRecompute {\n    lightRecompute {\n      reason\n      total\n      done\n      changed\n      startedAt\n      finishedAt\n      running\n      failed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReleaseLeaderlessReports($unitIds: [ID!]) {\n    releaseLeaderlessReports(unitIds: $unitIds)\n  }\n"): (typeof documents)["\n  mutation ReleaseLeaderlessReports($unitIds: [ID!]) {\n    releaseLeaderlessReports(unitIds: $unitIds)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SsoSettingsFields on SsoSettingsModel {\n    enabled\n    issuer\n    clientId\n    clientSecretMasked\n    claim\n    matchField\n    passwordAllowed\n    createUsers\n    defaultRole\n    redirectUri\n    version\n  }\n"): (typeof documents)["\n  fragment SsoSettingsFields on SsoSettingsModel {\n    enabled\n    issuer\n    clientId\n    clientSecretMasked\n    claim\n    matchField\n    passwordAllowed\n    createUsers\n    defaultRole\n    redirectUri\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SsoSettings {\n    ssoSettings {\n      ...SsoSettingsFields\n    }\n  }\n"): (typeof documents)["\n  query SsoSettings {\n    ssoSettings {\n      ...SsoSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantWithSettings on Tenant {\n    id\n    version\n    name\n    code\n    settings {\n      leaderApproval\n      yellowWithinWorkingDays\n      remindBeforeWorkingDays\n      urgeAfterWorkingDays\n      superviseAfterWorkingDays\n      paceMarginPercent\n      defaultDueMonthDay\n      signWithinWorkingDays\n      publicName\n      publicFrameAncestors\n      reportCycle {\n        kind\n        dayOfMonth\n        weekday\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TenantWithSettings on Tenant {\n    id\n    version\n    name\n    code\n    settings {\n      leaderApproval\n      yellowWithinWorkingDays\n      remindBeforeWorkingDays\n      urgeAfterWorkingDays\n      superviseAfterWorkingDays\n      paceMarginPercent\n      defaultDueMonthDay\n      signWithinWorkingDays\n      publicName\n      publicFrameAncestors\n      reportCycle {\n        kind\n        dayOfMonth\n        weekday\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantSettings {\n    tenant {\n      ...TenantWithSettings\n    }\n  }\n"): (typeof documents)["\n  query TenantSettings {\n    tenant {\n      ...TenantWithSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSsoSettings($input: UpdateSsoSettingsInput!) {\n    updateSsoSettings(input: $input) {\n      ...SsoSettingsFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateSsoSettings($input: UpdateSsoSettingsInput!) {\n    updateSsoSettings(input: $input) {\n      ...SsoSettingsFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!, $version: Int!) {\n    updateTenantSettings(input: $input, version: $version) {\n      ...TenantWithSettings\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTenantSettings($input: UpdateTenantSettingsInput!, $version: Int!) {\n    updateTenantSettings(input: $input, version: $version) {\n      ...TenantWithSettings\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeUrge($id: ID!) {\n    acknowledgeUrge(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedByName\n    }\n  }\n"): (typeof documents)["\n  mutation AcknowledgeUrge($id: ID!) {\n    acknowledgeUrge(id: $id) {\n      id\n      acknowledgedAt\n      acknowledgedByName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DecideDelay($id: ID!, $version: Int!, $input: DecideDelayInput!) {\n    decideDelay(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      decidedAt\n      decisionComment\n    }\n  }\n"): (typeof documents)["\n  mutation DecideDelay($id: ID!, $version: Int!, $input: DecideDelayInput!) {\n    decideDelay(id: $id, version: $version, input: $input) {\n      id\n      version\n      status\n      decidedAt\n      decisionComment\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueSupervisionNotice($input: IssueSupervisionNoticeInput!) {\n    issueSupervisionNotice(input: $input) {\n      ...SupervisionNoticeFields\n    }\n  }\n"): (typeof documents)["\n  mutation IssueSupervisionNotice($input: IssueSupervisionNoticeInput!) {\n    issueSupervisionNotice(input: $input) {\n      ...SupervisionNoticeFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LateSigning {\n    lateSigning {\n      unitId\n      unitName\n      lateCount\n      oldestAssignedOn\n      workingDaysWaiting\n    }\n  }\n"): (typeof documents)["\n  query LateSigning {\n    lateSigning {\n      unitId\n      unitName\n      lateCount\n      oldestAssignedOn\n      workingDaysWaiting\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestDelay($taskId: ID!, $input: RequestDelayInput!) {\n    requestDelay(taskId: $taskId, input: $input) {\n      id\n      status\n      requestedDueDate\n    }\n  }\n"): (typeof documents)["\n  mutation RequestDelay($taskId: ID!, $input: RequestDelayInput!) {\n    requestDelay(taskId: $taskId, input: $input) {\n      id\n      status\n      requestedDueDate\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignTasks($input: SignTasksInput!) {\n    signTasks(input: $input) {\n      signed\n      unsignedLeft\n    }\n  }\n"): (typeof documents)["\n  mutation SignTasks($input: SignTasksInput!) {\n    signTasks(input: $input) {\n      signed\n      unsignedLeft\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SupervisionNoticeFields on SupervisionNotice {\n    id\n    numberText\n    unitId\n    unitName\n    color\n    note\n    createdAt\n    createdByName\n    tasks {\n      taskId\n      title\n      dueDate\n      progress\n      color\n      state\n    }\n  }\n"): (typeof documents)["\n  fragment SupervisionNoticeFields on SupervisionNotice {\n    id\n    numberText\n    unitId\n    unitName\n    color\n    note\n    createdAt\n    createdByName\n    tasks {\n      taskId\n      title\n      dueDate\n      progress\n      color\n      state\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SupervisionNotices($unitId: ID, $taskId: ID, $first: Int) {\n    supervisionNotices(unitId: $unitId, taskId: $taskId, first: $first) {\n      totalCount\n      nodes {\n        ...SupervisionNoticeFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query SupervisionNotices($unitId: ID, $taskId: ID, $first: Int) {\n    supervisionNotices(unitId: $unitId, taskId: $taskId, first: $first) {\n      totalCount\n      nodes {\n        ...SupervisionNoticeFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnsignedTaskCount {\n    unsignedTaskCount\n  }\n"): (typeof documents)["\n  query UnsignedTaskCount {\n    unsignedTaskCount\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UrgeTask($taskId: ID!, $message: String!, $idempotencyKey: String) {\n    urgeTask(taskId: $taskId, message: $message, idempotencyKey: $idempotencyKey) {\n      id\n      taskId\n      message\n      createdAt\n    }\n  }\n"): (typeof documents)["\n  mutation UrgeTask($taskId: ID!, $message: String!, $idempotencyKey: String) {\n    urgeTask(taskId: $taskId, message: $message, idempotencyKey: $idempotencyKey) {\n      id\n      taskId\n      message\n      createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Urges($filter: UrgeFilterInput, $first: Int, $after: String) {\n    urges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        level\n        message\n        createdAt\n        createdByName\n        acknowledgedAt\n        task {\n          id\n          keyPoint {\n            id\n            label\n            title\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Urges($filter: UrgeFilterInput, $first: Int, $after: String) {\n    urges(filter: $filter, first: $first, after: $after) {\n      totalCount\n      nodes {\n        id\n        level\n        message\n        createdAt\n        createdByName\n        acknowledgedAt\n        task {\n          id\n          keyPoint {\n            id\n            label\n            title\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawDelay($id: ID!, $version: Int!) {\n    withdrawDelay(id: $id, version: $version) {\n      id\n      version\n      status\n    }\n  }\n"): (typeof documents)["\n  mutation WithdrawDelay($id: ID!, $version: Int!) {\n    withdrawDelay(id: $id, version: $version) {\n      id\n      version\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseTask($taskId: ID!, $version: Int!, $note: String) {\n    closeTask(taskId: $taskId, version: $version, note: $note) {\n      ...TaskCloseState\n    }\n  }\n"): (typeof documents)["\n  mutation CloseTask($taskId: ID!, $version: Int!, $note: String) {\n    closeTask(taskId: $taskId, version: $version, note: $note) {\n      ...TaskCloseState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseTasks($tasks: [CloseTaskItemInput!]!, $note: String) {\n    closeTasks(tasks: $tasks, note: $note) {\n      ...TaskCloseState\n    }\n  }\n"): (typeof documents)["\n  mutation CloseTasks($tasks: [CloseTaskItemInput!]!, $note: String) {\n    closeTasks(tasks: $tasks, note: $note) {\n      ...TaskCloseState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($planId: ID) {\n    dashboard(planId: $planId) {\n      totalTasks\n      overdueCount\n      reportsWaitingReview\n      delayRequestsWaiting\n      dueSoonCount\n      dueSoonUntil\n      lights {\n        light\n        count\n      }\n      unitsMostOverdue {\n        overdueCount\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Dashboard($planId: ID) {\n    dashboard(planId: $planId) {\n      totalTasks\n      overdueCount\n      reportsWaitingReview\n      delayRequestsWaiting\n      dueSoonCount\n      dueSoonUntil\n      lights {\n        light\n        count\n      }\n      unitsMostOverdue {\n        overdueCount\n        unit {\n          id\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyTasks($filter: TaskFilterInput, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...TaskRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyTasks($filter: TaskFilterInput, $first: Int, $after: String) {\n    myTasks(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...TaskRow\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenTask($taskId: ID!, $version: Int!, $reason: String!) {\n    reopenTask(taskId: $taskId, version: $version, reason: $reason) {\n      ...TaskCloseState\n    }\n  }\n"): (typeof documents)["\n  mutation ReopenTask($taskId: ID!, $version: Int!, $reason: String!) {\n    reopenTask(taskId: $taskId, version: $version, reason: $reason) {\n      ...TaskCloseState\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskCloseState on Task {\n    id\n    status\n    light\n    closedAt\n    closeNote\n    completedAt\n    version\n  }\n"): (typeof documents)["\n  fragment TaskCloseState on Task {\n    id\n    status\n    light\n    closedAt\n    closeNote\n    completedAt\n    version\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskRow\n      assignedOn\n      completedAt\n      acceptedAt\n      closedAt\n      closeNote\n      delayDateRange {\n        earliest\n        latest\n      }\n      keyPoint {\n        id\n        label\n        title\n        text\n        deadlines {\n          id\n          text\n          date\n        }\n        units {\n          id\n          role\n          rawName\n          unit {\n            id\n            name\n          }\n        }\n        instructions {\n          id\n          text\n          authorName\n          createdAt\n        }\n      }\n      milestones {\n        id\n        text\n        date\n        doneAt\n      }\n      reports {\n        id\n        version\n        status\n        text\n        progress\n        claimsCompletion\n        submittedAt\n        authorName\n        leaderName\n        leaderComment\n        leaderSkipped\n        leaderDecidedAt\n        reviewerName\n        reviewComment\n        reviewedAt\n        evidence {\n          id\n          kind\n          url\n          file {\n            id\n            filename\n            mimeType\n            sizeBytes\n          }\n        }\n      }\n      delayRequests {\n        id\n        version\n        status\n        reason\n        currentDueDate\n        requestedDueDate\n        requestedByName\n        decidedByName\n        decidedAt\n        decisionComment\n        createdAt\n        requestedDatePassed\n        requestedWhenOverdue\n      }\n      urges {\n        id\n        level\n        message\n        createdAt\n        createdByName\n        acknowledgedAt\n        acknowledgedByName\n        automatic\n      }\n      history {\n        id\n        at\n        actorName\n        entityType\n        action\n        note\n        before\n        after\n      }\n    }\n  }\n"): (typeof documents)["\n  query TaskDetail($id: ID!) {\n    task(id: $id) {\n      ...TaskRow\n      assignedOn\n      completedAt\n      acceptedAt\n      closedAt\n      closeNote\n      delayDateRange {\n        earliest\n        latest\n      }\n      keyPoint {\n        id\n        label\n        title\n        text\n        deadlines {\n          id\n          text\n          date\n        }\n        units {\n          id\n          role\n          rawName\n          unit {\n            id\n            name\n          }\n        }\n        instructions {\n          id\n          text\n          authorName\n          createdAt\n        }\n      }\n      milestones {\n        id\n        text\n        date\n        doneAt\n      }\n      reports {\n        id\n        version\n        status\n        text\n        progress\n        claimsCompletion\n        submittedAt\n        authorName\n        leaderName\n        leaderComment\n        leaderSkipped\n        leaderDecidedAt\n        reviewerName\n        reviewComment\n        reviewedAt\n        evidence {\n          id\n          kind\n          url\n          file {\n            id\n            filename\n            mimeType\n            sizeBytes\n          }\n        }\n      }\n      delayRequests {\n        id\n        version\n        status\n        reason\n        currentDueDate\n        requestedDueDate\n        requestedByName\n        decidedByName\n        decidedAt\n        decisionComment\n        createdAt\n        requestedDatePassed\n        requestedWhenOverdue\n      }\n      urges {\n        id\n        level\n        message\n        createdAt\n        createdByName\n        acknowledgedAt\n        acknowledgedByName\n        automatic\n      }\n      history {\n        id\n        at\n        actorName\n        entityType\n        action\n        note\n        before\n        after\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TaskRow on Task {\n    id\n    version\n    kind\n    role\n    status\n    light\n    progress\n    dueDate\n    originalDueDate\n    isLate\n    urgeCount\n    overdueWorkingDays\n    lastReportAt\n    signedAt\n    unit {\n      id\n      name\n    }\n    keyPoint {\n      id\n      label\n      title\n    }\n    section {\n      id\n      label\n      title\n    }\n    plan {\n      id\n      title\n      year\n    }\n  }\n"): (typeof documents)["\n  fragment TaskRow on Task {\n    id\n    version\n    kind\n    role\n    status\n    light\n    progress\n    dueDate\n    originalDueDate\n    isLate\n    urgeCount\n    overdueWorkingDays\n    lastReportAt\n    signedAt\n    unit {\n      id\n      name\n    }\n    keyPoint {\n      id\n      label\n      title\n    }\n    section {\n      id\n      label\n      title\n    }\n    plan {\n      id\n      title\n      year\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LedgerTasks($filter: TaskFilterInput, $sort: TaskSortInput, $first: Int, $after: String) {\n    tasks(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...TaskRow\n      }\n    }\n  }\n"): (typeof documents)["\n  query LedgerTasks($filter: TaskFilterInput, $sort: TaskSortInput, $first: Int, $after: String) {\n    tasks(filter: $filter, sort: $sort, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        endCursor\n        hasNextPage\n      }\n      nodes {\n        ...TaskRow\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;