// The reads `npm run bench` loads, as the web asks for them: the bench times them, and
// read-statements.integration-spec.ts counts the statements each sends.

export const GQL = {
  scorecard: `query($year: Int!) { scorecard(filter: { year: $year }, first: 200) { totalCount nodes { unitId unitName score rank
    counts { leadTasks responsibleTasks dueTasks completed completedOnTime completedLate overdueNow periodsOwed periodsOnTime reportsTotal reportsReturned
      delaysApproved delaysRefused urgesReceived } breakdown { component rate points } } } }`,
  ledger: `query($planId: ID!) { tasks(first: 50, filter: { planId: $planId, light: [RED, YELLOW] }, sort: { field: DUE_DATE, direction: ASC }) {
    totalCount nodes { id status progress light dueDate unit { name } keyPoint { title } plan { title } } pageInfo { endCursor hasNextPage } } }`,
  // The ledger as the office narrows it: open tasks of one plan falling due in a window (the bench's autumn).
  ledgerFiltered: `query($planId: ID!) { tasks(first: 50, filter: { planId: $planId, status: [NOT_STARTED, IN_PROGRESS, RETURNED], dueFrom: "2026-10-01", dueTo: "2026-12-31" },
    sort: { field: DUE_DATE, direction: ASC }) { totalCount nodes { id status progress light dueDate unit { name } keyPoint { title } plan { title } } pageInfo { endCursor hasNextPage } } }`,
  myTasks: `query { myTasks(first: 50) { totalCount nodes { id status progress light dueDate keyPoint { title } } } }`,
  // The leadership home's tree: counts per key point and per unit; a key point's tasks come when opened.
  progress: `query($planId: ID!) { planProgress(planId: $planId) { sections { title keyPoints { keyPointId title taskCount averageProgress
    byLight { light count } leadUnitIds } } units { unitId unit { name } taskCount averageProgress byLight { light count } } } }`,
  keyPointOpened: `query($keyPointId: ID!) { keyPointProgressTasks(keyPointId: $keyPointId) { taskId status progress light dueDate unit { name } } }`,
  submitReport: `mutation($taskId: ID!) { submitReport(taskId: $taskId, input: { text: "本期按计划推进，已在门户网站发布相关信息。", progress: 60,
    evidenceUrls: ["https://www.example.gov.cn/zwgk/202611/t20261120_1.html"] }) { id } }`,
};
