import { palette } from '../../app/theme';
import { ImportOutlined, TableOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client/react';
import { Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import { CalendarCoverageAlert } from '../../modules/calendar/components/calendar-coverage-alert';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { lightStatItems, StatCards } from '../../modules/dashboard/components/light-stats';
import { RenderWhenSeen } from '../../modules/dashboard/components/render-when-seen';
import { OverdueTaskList, overdueVariables } from '../../modules/dashboard/components/overdue-task-list';
import { ReviewQueueQuery } from '../../modules/reports/graphql/review-queue.query';
import { LateSigningCard } from '../../modules/supervision/components/late-signing-card';
import { TaskDrawer } from '../../modules/task-detail/components/task-drawer';
import { DashboardQuery } from '../../modules/tasks/graphql/dashboard.query';
import { LedgerTasksQuery } from '../../modules/tasks/graphql/tasks.query';

/** The review list's room before it is drawn: about a list's loading state. */
const REVIEWS_PLACEHOLDER_HEIGHT = 200;

/** 工作台: what needs the office today — lights, overdue tasks, reports and delays waiting, units falling behind. */
export default function OfficeHomePage() {
  usePageTitle('工作台');
  const [params, setParams] = useSearchParams();
  const openTaskId = params.get('task');
  const openTask = (id: string | null) => setParams(id ? { task: id } : {});
  const dashboard = useQuery(DashboardQuery, { fetchPolicy: 'cache-and-network' });
  const overdue = useQuery(LedgerTasksQuery, { variables: overdueVariables(), fetchPolicy: 'cache-and-network' });
  const reviews = useQuery(ReviewQueueQuery, { variables: { first: 8 }, fetchPolicy: 'cache-and-network' });
  const d = dashboard.data?.dashboard;

  return (
    <>
      <CalendarCoverageAlert />
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          工作台
        </Typography.Title>
        <Space>
          <Link to="/plans/import">
            <Button icon={<ImportOutlined />}>导入工作要点</Button>
          </Link>
          <Link to="/ledger">
            <Button type="primary" icon={<TableOutlined />}>
              打开台账
            </Button>
          </Link>
        </Space>
      </Space>
      {dashboard.error ? (
        <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />
      ) : (
        <>
          <StatCards loading={!d} items={lightStatItems(d?.lights ?? [], '/ledger')} />
          <div style={{ height: 12 }} />
          <StatCards
            loading={!d}
            items={[
              { key: 'total', title: '任务总数', value: d?.totalTasks ?? 0, to: '/ledger' },
              {
                key: 'overdue',
                title: '逾期未完成',
                value: d?.overdueCount ?? 0,
                color: palette.red,
                to: '/ledger?light=RED',
              },
              { key: 'reviews', title: '待审核报送', value: d?.reportsWaitingReview ?? 0, color: palette.blue },
              { key: 'delays', title: '待审批延期', value: d?.delayRequestsWaiting ?? 0, color: palette.gold },
              {
                key: 'soon',
                title: '近期到期',
                value: d?.dueSoonCount ?? 0,
                to: d ? `/ledger?to=${d.dueSoonUntil}&status=NOT_STARTED,IN_PROGRESS,RETURNED` : undefined,
              },
            ]}
          />
        </>
      )}
      <Row gutter={16} style={{ marginTop: 16 }}>
        {/* Below 1600 px the overdue list takes the whole width: its titles need the room (issue 23). */}
        <Col xs={24} xxl={16}>
          <Card
            size="small"
            title="逾期任务"
            extra={<Link to="/ledger?light=RED">全部</Link>}
            style={{ marginBottom: 16 }}
          >
            <OverdueTaskList overdue={overdue} lights={d?.lights} onOpen={openTask} />
          </Card>
          <Card size="small" title={`待审核报送（${reviews.data?.reviewQueue.totalCount ?? 0}）`}>
            {reviews.error ? (
              <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} />
            ) : (
              // Below the overdue list, off the first screen: drawn when scrolled near or when idle.
              <RenderWhenSeen minHeight={REVIEWS_PLACEHOLDER_HEIGHT}>
                <List
                  loading={reviews.loading && !reviews.data}
                  dataSource={reviews.data?.reviewQueue.nodes ?? []}
                  locale={{ emptyText: <Empty description="没有待审核的报送。单位提交报送后会出现在这里。" /> }}
                  renderItem={(r) => (
                    <List.Item
                      actions={[
                        <Button
                          key="open"
                          type="link"
                          onClick={() => openTask(r.task.id)}
                          aria-label={`审核 ${r.unit.name} 的报送`}
                        >
                          审核
                        </Button>,
                      ]}
                    >
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            <span>{r.unit.name}</span>
                            <span>{r.task.keyPoint ? `${r.task.keyPoint.label} ${r.task.keyPoint.title}` : ''}</span>
                            {r.claimsCompletion && <Tag color="green">申报完成</Tag>}
                            {r.leaderSkipped && (
                              <Tag title="本单位没有启用的分管领导账号">未经分管领导（本单位无）</Tag>
                            )}
                          </Space>
                        }
                        description={`${r.authorName ?? ''} ${dayjs(r.submittedAt).format('MM-DD HH:mm')} · 进度 ${r.progress}% · ${r.text.slice(0, 60)}`}
                      />
                    </List.Item>
                  )}
                />
              </RenderWhenSeen>
            )}
          </Card>
        </Col>
        <Col xs={24} xxl={8}>
          <Card size="small" title="逾期任务最多的单位">
            <List
              loading={!d}
              dataSource={d?.unitsMostOverdue ?? []}
              locale={{ emptyText: <Empty description="没有单位有逾期任务。" /> }}
              renderItem={(u, i) => (
                <List.Item extra={<Tag color="red">{u.overdueCount} 项</Tag>}>
                  <Link to={`/ledger?unit=${u.unit.id}&light=RED`}>
                    {i + 1}. {u.unit.name}
                  </Link>
                </List.Item>
              )}
            />
          </Card>
          <LateSigningCard />
        </Col>
      </Row>
      <TaskDrawer taskId={openTaskId} onClose={() => openTask(null)} />
    </>
  );
}
