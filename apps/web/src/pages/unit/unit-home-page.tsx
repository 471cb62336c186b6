import { useQuery } from '@apollo/client/react';
import { App, Button, Card, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { releaseServerList } from '../../app/first-screen-list';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { withSearchParams } from '../../modules/common/utils/search-params';
import { StatCards } from '../../modules/dashboard/components/light-stats';
import { ActionAlert } from '../../modules/common/components/action-alert';
import { usePhone } from '../../modules/common/hooks/use-phone';
import { useLeaderQueueCount } from '../../modules/reports/hooks/use-leader-queue-count';
import { SignAllBanner, useUnsignedTaskCount } from '../../modules/supervision/components/sign-controls';
import { AcknowledgeUrgeMutation } from '../../modules/supervision/graphql/acknowledge-urge.mutation';
import { UrgesQuery } from '../../modules/supervision/graphql/urges.query';
import { TaskDrawer } from '../../modules/task-detail/components/task-drawer';
import { TaskTable } from '../../modules/tasks/components/task-table';
import { DashboardQuery } from '../../modules/tasks/graphql/dashboard.query';
import { MyTasksQuery } from '../../modules/tasks/graphql/my-tasks.query';
import { useTaskMutation } from '../../modules/tasks/hooks/use-task-mutation';
import { LIGHT_HEX, type WarningLight } from '../../modules/tasks/utils/labels';

/** The counts above the list double as its filter: each card's key and the lights it lists. */
const LIGHT_FILTERS: Record<string, { lights: WarningLight[]; label: string }> = {
  RED: { lights: ['RED'], label: '已逾期' },
  YELLOW: { lights: ['YELLOW'], label: '即将到期' },
  GREEN: { lights: ['GREEN'], label: '正常推进' },
  DONE: { lights: ['DONE', 'DONE_LATE'], label: '已完成' },
};

/** 单位首页: what is most urgent for my unit, urges to acknowledge, and where to report. */
export default function UnitHomePage() {
  usePageTitle('我的任务');
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const phone = usePhone();
  const { pathname } = useLocation();
  const [params, setParams] = useSearchParams();
  const openTaskId = params.get('task');
  // Filters live in the URL (?light=RED&q=…) so a filtered list survives opening a task and reloading.
  const openTask = (id: string | null) => setParams(withSearchParams(params, { task: id }));
  const lightKey = params.get('light');
  const lightFilter = lightKey ? LIGHT_FILTERS[lightKey] : undefined;
  const text = params.get('q')?.trim() ?? '';
  const filtered = !!lightFilter || !!text;
  const filter = filtered ? { light: lightFilter?.lights, text: text || undefined } : undefined;
  const tasks = useQuery(MyTasksQuery, { variables: { first: 30, filter }, fetchPolicy: 'cache-and-network' });
  /** A card links to its lights, or back to every task when it is the active one (or "all"). */
  const cardLink = (key: string) => {
    const query = withSearchParams(params, {
      light: key === lightKey || !LIGHT_FILTERS[key] ? null : key,
      task: null,
    }).toString();
    return query ? `${pathname}?${query}` : pathname;
  };
  const urges = useQuery(UrgesQuery, {
    variables: { filter: { unacknowledged: true }, first: 20 },
    fetchPolicy: 'cache-and-network',
  });
  const dashboard = useQuery(DashboardQuery, { fetchPolicy: 'cache-and-network' });
  const unsigned = useUnsignedTaskCount();
  // The counts and the list wait for the alerts drawn above them (urges, tasks to sign for): answering
  // after the list, they pushed it down as it was read or tapped (Lighthouse's layout shift 0.2–0.37 on
  // this page). Their number is unknown until then, so no room could be kept for them instead; all
  // four are sent together as the page opens (first-load.ts), so the wait is short.
  const settled = (query: { data?: unknown; error?: unknown }) => !!query.data || !!query.error;
  const alertsSettled = settled(urges) && settled(unsigned);
  const listShown = alertsSettled && settled(tasks);
  // The server's first cards (app/first-screen-list.ts) go once this list, or what shows instead, is drawn.
  useEffect(() => {
    if (listShown) releaseServerList();
  }, [listShown]);
  const [acknowledge] = useTaskMutation(AcknowledgeUrgeMutation);
  const d = dashboard.data?.dashboard;
  const approvals = useLeaderQueueCount(viewer?.role);
  const count = (light: string) => d?.lights.find((l) => l.light === light)?.count ?? 0;
  // On a phone the search box takes the list's full width above it; beside the title it would not fit.
  const search = (
    <Input.Search
      key={text}
      aria-label="搜索我的任务"
      placeholder="搜索工作要点"
      allowClear
      defaultValue={text}
      style={{ width: phone ? '100%' : 240, marginBottom: phone ? 12 : 0 }}
      onSearch={(value) => setParams(withSearchParams(params, { q: value.trim() }))}
    />
  );

  return (
    <>
      <Typography.Title level={3}>
        我的任务{' '}
        <Typography.Text type="secondary" style={{ fontSize: 16 }}>
          {viewer?.unitName}
        </Typography.Text>
      </Typography.Title>
      {!alertsSettled ? (
        <PageLoading rows={4} />
      ) : (
        <>
          {!!approvals && (
            <ActionAlert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              data-testid="approvals-waiting"
              title={`有 ${approvals} 项报送等待您审批`}
              description="本单位联络员提交的报送经您同意后才会报送办公室。"
              action={
                <Link to="/unit/approvals">
                  <Button size="small" type="primary">
                    去审批
                  </Button>
                </Link>
              }
            />
          )}
          <SignAllBanner count={unsigned.data?.unsignedTaskCount ?? 0} />
          {urges.data && urges.data.urges.nodes.length > 0 && (
            <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
              {urges.data.urges.nodes.map((u) => (
                <ActionAlert
                  key={u.id}
                  type="error"
                  showIcon
                  title={`催办：${u.task?.keyPoint ? `${u.task.keyPoint.label} ${u.task.keyPoint.title}` : '任务'}`}
                  description={`${u.createdByName ?? '办公室'} ${dayjs(u.createdAt).format('MM-DD HH:mm')}：${u.message}`}
                  action={
                    <Space orientation={phone ? 'horizontal' : 'vertical'}>
                      <Button
                        size="small"
                        danger
                        onClick={() =>
                          void acknowledge({ variables: { id: u.id } }).then(
                            () => message.success('已确认收到'),
                            () => undefined,
                          )
                        }
                      >
                        确认收到
                      </Button>
                      {u.task && (
                        <Button size="small" onClick={() => openTask(u.task!.id)}>
                          查看任务
                        </Button>
                      )}
                    </Space>
                  }
                />
              ))}
            </Space>
          )}
          {dashboard.error ? (
            <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
          ) : (
            <div style={{ marginBottom: 16 }}>
              <StatCards
                loading={!d}
                items={[
                  { key: 'RED', title: '已逾期', value: count('RED'), color: LIGHT_HEX.RED },
                  { key: 'YELLOW', title: '即将到期', value: count('YELLOW'), color: LIGHT_HEX.YELLOW },
                  { key: 'GREEN', title: '正常推进', value: count('GREEN'), color: LIGHT_HEX.GREEN },
                  { key: 'DONE', title: '已完成', value: count('DONE') + count('DONE_LATE'), color: LIGHT_HEX.DONE },
                  { key: 'total', title: '全部任务', value: d?.totalTasks ?? 0 },
                ].map((item) => ({
                  ...item,
                  to: cardLink(item.key),
                  active: item.key === lightKey || (item.key === 'total' && !lightFilter),
                }))}
              />
            </div>
          )}
          <Card
            title={
              <Space wrap>
                按紧急程度排列
                {lightFilter && (
                  <Tag
                    closable
                    onClose={() => setParams(withSearchParams(params, { light: null }))}
                    data-testid="light-filter"
                  >
                    {lightFilter.label}
                  </Tag>
                )}
              </Space>
            }
            size="small"
            extra={phone ? undefined : search}
          >
            {phone && search}
            {tasks.error ? (
              <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
            ) : (
              <TaskTable
                tasks={tasks.data?.myTasks.nodes ?? []}
                loading={!settled(tasks)}
                totalCount={tasks.data?.myTasks.totalCount}
                hasMore={tasks.data?.myTasks.pageInfo.hasNextPage}
                onMore={() => void tasks.fetchMore({ variables: { after: tasks.data!.myTasks.pageInfo.endCursor } })}
                onOpen={openTask}
                showPlan
                actionLabel="办理"
                emptyText={
                  filtered
                    ? '没有符合筛选条件的任务。'
                    : '本单位暂无任务。办公室发布年度工作要点后，分配给本单位的任务会出现在这里。'
                }
              />
            )}
          </Card>
        </>
      )}
      <TaskDrawer taskId={openTaskId} onClose={() => openTask(null)} />
    </>
  );
}
