import { useQuery } from '@apollo/client/react';
import { App, Button, Descriptions, Empty, Space, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useViewer } from '../../auth/hooks/use-viewer';
import { isOffice, isUnitRole } from '../../auth/utils/roles';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { describeError } from '../../common/utils/app-errors';
import { ActionAlert } from '../../common/components/action-alert';
import { usePhone } from '../../common/hooks/use-phone';
import { ReportForm, type ReportDraft, type ReportFormValues } from '../../reports/components/report-form';
import { SubmitReportMutation } from '../../reports/graphql/submit-report.mutation';
import { DecideDelayActions } from '../../supervision/components/decide-delay-actions';
import { DelayRequestForm } from '../../supervision/components/delay-request-form';
import { TaskMessagesQuery } from '../../messaging/graphql/task-messages.query';
import { NoticeButton } from '../../supervision/components/notice-button';
import { SignTaskAlert } from '../../supervision/components/sign-controls';
import { TaskNotices } from '../../supervision/components/task-notices';
import { UrgeButton } from '../../supervision/components/urge-button';
import { AcknowledgeUrgeMutation } from '../../supervision/graphql/acknowledge-urge.mutation';
import { WithdrawDelayMutation } from '../../supervision/graphql/withdraw-delay.mutation';
import { TaskDetailQuery } from '../../tasks/graphql/task-detail.query';
import { useTaskMutation } from '../../tasks/hooks/use-task-mutation';
import { useActionKey } from '../../common/hooks/use-action-key';
import { dueNote } from '../../tasks/utils/due-note';
import { DELAY_STATUS_LABELS, ROLE_LABELS } from '../../tasks/utils/labels';
import { buildTimeline, describeHistory, type TaskDetail as TaskDetailData } from '../../tasks/utils/task-timeline';
import { CloseOutActions } from '../../tasks/components/close-out-actions';
import { KindTag } from '../../tasks/components/kind-tag';
import { LightTag, StatusTag } from '../../tasks/components/light-tag';
import { ReportCard } from '../../tasks/components/report-card';
import { ReviewActions } from '../../tasks/components/review-actions';
import { TaskBrief } from '../../tasks/components/task-brief';
import { TaskProgress } from '../../tasks/components/task-progress';

type Panel = 'none' | 'report' | 'delay';

const PANEL_STYLE = { border: '1px solid #f0f0f0', borderRadius: 8, marginBottom: 16 } as const;

export default function TaskDetail({ taskId }: { taskId: string }) {
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(TaskDetailQuery, {
    variables: { id: taskId },
    fetchPolicy: 'cache-and-network',
  });
  // How the task's messages went: the office's view only.
  const messages = useQuery(TaskMessagesQuery, {
    variables: { id: taskId },
    skip: !viewer || !isOffice(viewer.role),
    fetchPolicy: 'cache-and-network',
  });
  const [panel, setPanel] = useState<Panel>('none');
  const phone = usePhone();
  const [submitReport, { loading: submitting }] = useTaskMutation(SubmitReportMutation);
  const [acknowledge] = useTaskMutation(AcknowledgeUrgeMutation);
  const [withdraw] = useTaskMutation(WithdrawDelayMutation);
  // Each opening of the report form is one report: a retry of its submit must not send it twice.
  const reportKey = useActionKey();
  if (loading && !data) return <PageLoading rows={10} />;
  if (error || !data || !viewer) {
    // A malformed or stale link cannot be fixed by trying again: say what to do instead.
    const code = error ? describeError(error).code : null;
    if (code === 'BAD_USER_INPUT' || code === 'NOT_FOUND')
      return (
        <QueryError
          error={error}
          title="无法打开这项任务：链接中的任务编号有误，或任务已不存在。请从列表中重新打开。"
        />
      );
    return <QueryError error={error} onRetry={() => void refetch()} />;
  }
  const task = data.task;
  const office = isOffice(viewer.role);
  const ownUnit = isUnitRole(viewer.role) && task.unit?.id === viewer.unitId;
  const open = task.status !== 'DONE' && task.status !== 'CLOSED';
  const pendingDelay = task.delayRequests.find((d) => d.status === 'PENDING');
  const unacknowledged = task.urges.filter((u) => !u.acknowledgedAt);
  const timeline = buildTimeline(task, messages.data?.task.messages ?? []);
  const returned = latestReturned(task);
  const note = dueNote(task);

  const openReport = () => {
    reportKey.renew();
    setPanel('report');
  };

  // A refusal propagates to the form, which keeps what was typed and marks the field the API names.
  const report = async (values: ReportFormValues) => {
    const { data: sent } = await submitReport({
      variables: { taskId: task.id, input: values, idempotencyKey: reportKey.get() },
    });
    message.success(
      sent?.submitReport.status === 'PENDING_LEADER' ? '已提交，等待分管领导审核' : '已提交，等待办公室审核',
    );
    setPanel('none');
  };

  return (
    <>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {task.keyPoint ? `${task.keyPoint.label} ${task.keyPoint.title}` : '任务'}
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <LightTag light={task.light} />
        <StatusTag status={task.status} />
        <Tag>{ROLE_LABELS[task.role]}单位</Tag>
        <KindTag kind={task.kind} />
        {task.urgeCount > 0 && <Tag color="red">已催办 {task.urgeCount} 次</Tag>}
      </Space>

      {returned && (
        <ActionAlert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="return-reason"
          title={`办公室退回了${returned.claimsCompletion ? '完成申报' : '报送'}：${returned.reviewComment ?? ''}`}
          description={`${returned.reviewerName ?? '办公室'} ${returned.reviewedAt ? dayjs(returned.reviewedAt).format('YYYY-MM-DD HH:mm') : ''}${ownUnit ? '。请按要求修改后重新报送，表单已填入上次报送的内容。' : ''}`}
          action={
            ownUnit && panel !== 'report' ? (
              <Button size="small" type="primary" onClick={openReport}>
                修改后重新报送
              </Button>
            ) : undefined
          }
        />
      )}

      {task.keyPoint && <TaskBrief keyPoint={task.keyPoint} plan={task.plan} />}

      <Descriptions size="small" column={phone ? 1 : 2} bordered>
        <Descriptions.Item label="承办单位">{task.unit?.name}</Descriptions.Item>
        <Descriptions.Item label="下达日期">{task.assignedOn}</Descriptions.Item>
        <Descriptions.Item label="截止日期" span={2}>
          {task.dueDate}
          {task.originalDueDate !== task.dueDate && (
            <Typography.Text type="secondary">（原定 {task.originalDueDate}）</Typography.Text>
          )}
          {note && <Typography.Text type={note.danger ? 'danger' : 'secondary'}>，{note.text}</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="完成进度" span={2}>
          <TaskProgress
            percent={task.progress}
            status={task.status}
            label={task.unit?.name ?? ''}
            style={{ maxWidth: 320 }}
          />
          {task.status === 'RETURNED' && <Typography.Text type="secondary">完成申报已退回，待重新报送</Typography.Text>}
        </Descriptions.Item>
        {task.milestones.length > 0 && (
          <Descriptions.Item label="节点" span={2}>
            {task.milestones.map((m) => (
              <div key={m.id}>
                {m.date} {m.text} {m.doneAt && <Tag color="green">已完成</Tag>}
              </div>
            ))}
          </Descriptions.Item>
        )}
        {task.status === 'CLOSED' && (
          <Descriptions.Item label="办结销号" span={2}>
            {task.closedAt ? dayjs(task.closedAt).format('YYYY-MM-DD') : ''}
            {task.closeNote ? `：${task.closeNote}` : ''}
          </Descriptions.Item>
        )}
      </Descriptions>

      {ownUnit && !task.signedAt && <SignTaskAlert taskId={task.id} />}

      {ownUnit && unacknowledged.length > 0 && (
        <ActionAlert
          type="error"
          showIcon
          style={{ marginTop: 12 }}
          title={`办公室催办：${unacknowledged[0].message}`}
          action={
            <Button
              size="small"
              danger
              onClick={() =>
                void acknowledge({ variables: { id: unacknowledged[0].id } }).then(
                  () => message.success('已确认收到'),
                  () => undefined,
                )
              }
            >
              确认收到
            </Button>
          }
        />
      )}

      <Space
        style={{ margin: '16px 0', width: phone ? '100%' : undefined }}
        wrap
        orientation={phone ? 'vertical' : 'horizontal'}
      >
        {ownUnit && open && panel !== 'report' && (
          <Button type="primary" block={phone} onClick={openReport}>
            报送进展
          </Button>
        )}
        {ownUnit && open && !pendingDelay && panel !== 'delay' && (
          <Button block={phone} onClick={() => setPanel('delay')}>
            申请延期
          </Button>
        )}
        {office && open && task.unit && <UrgeButton taskId={task.id} unitId={task.unit.id} unitName={task.unit.name} />}
        {office && open && task.unit && (
          <NoticeButton taskId={task.id} unitId={task.unit.id} unitName={task.unit.name} />
        )}
        {office && <CloseOutActions task={task} />}
      </Space>

      {panel === 'report' && (
        <div style={{ ...PANEL_STYLE, padding: phone ? 12 : 16 }}>
          <Typography.Title level={5}>报送进展</Typography.Title>
          <ReportForm
            currentProgress={task.progress}
            initial={returned ? draftFrom(returned) : null}
            submitting={submitting}
            onSubmit={report}
            onCancel={() => setPanel('none')}
          />
        </div>
      )}
      {panel === 'delay' && (
        <div style={{ ...PANEL_STYLE, padding: phone ? 12 : 16 }}>
          <Typography.Title level={5}>申请延期</Typography.Title>
          {task.delayDateRange && (
            <DelayRequestForm
              taskId={task.id}
              dueDate={task.dueDate}
              range={task.delayDateRange}
              onDone={() => setPanel('none')}
            />
          )}
        </div>
      )}

      <Tabs
        items={[
          {
            key: 'reports',
            label: `报送记录（${task.reports.length}）`,
            children: task.reports.length ? (
              task.reports.map((r) => (
                <ReportCard
                  key={r.id}
                  report={r}
                  actions={office && r.status === 'PENDING_OFFICE' ? <ReviewActions report={r} /> : undefined}
                />
              ))
            ) : (
              <Empty
                description={
                  ownUnit ? '还没有报送。点击“报送进展”填写本期工作情况和佐证材料。' : '该单位还没有报送进展。'
                }
              />
            ),
          },
          {
            key: 'timeline',
            label: '时间线',
            children: timeline.length ? (
              <Timeline
                items={timeline.map((e) => ({
                  key: e.key,
                  color: e.color,
                  content: (
                    <>
                      <Typography.Text strong>{e.title}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
                      {e.detail && <div style={{ whiteSpace: 'pre-wrap' }}>{e.detail}</div>}
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty description="暂无动态" />
            ),
          },
          {
            key: 'delays',
            label: `延期申请（${task.delayRequests.length}）`,
            children: task.delayRequests.length ? (
              task.delayRequests.map((d) => (
                <ActionAlert
                  key={d.id}
                  style={{ marginBottom: 8 }}
                  type={d.status === 'PENDING' ? 'warning' : d.status === 'APPROVED' ? 'success' : 'info'}
                  title={`${DELAY_STATUS_LABELS[d.status]}：${d.currentDueDate} → ${d.requestedDueDate}（${d.requestedByName ?? ''} ${dayjs(d.createdAt).format('MM-DD HH:mm')}）`}
                  description={
                    <>
                      <div>理由：{d.reason}</div>
                      {d.decisionComment && <div>意见：{d.decisionComment}</div>}
                    </>
                  }
                  action={
                    d.status === 'PENDING' ? (
                      office ? (
                        <DecideDelayActions delay={d} />
                      ) : ownUnit ? (
                        <Button
                          size="small"
                          onClick={() =>
                            void withdraw({ variables: { id: d.id, version: d.version } }).catch(() => undefined)
                          }
                        >
                          撤回
                        </Button>
                      ) : undefined
                    ) : undefined
                  }
                />
              ))
            ) : (
              <Empty description="没有延期申请" />
            ),
          },
          {
            key: 'urges',
            label: `催办（${task.urges.length}）`,
            children: task.urges.length ? (
              <Timeline
                items={task.urges.map((u) => ({
                  key: u.id,
                  color: u.acknowledgedAt ? 'gray' : 'red',
                  content: (
                    <>
                      <div>
                        {dayjs(u.createdAt).format('YYYY-MM-DD HH:mm')} {u.createdByName ?? '系统'}：{u.message}
                      </div>
                      <Typography.Text type="secondary">
                        {u.acknowledgedAt
                          ? `${u.acknowledgedByName ?? ''} 已于 ${dayjs(u.acknowledgedAt).format('MM-DD HH:mm')} 确认收到`
                          : '单位尚未确认'}
                      </Typography.Text>
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty description="没有催办记录" />
            ),
          },
          ...(office || ownUnit
            ? [{ key: 'notices', label: '督办通知单', children: <TaskNotices taskId={task.id} /> }]
            : []),
          {
            key: 'history',
            label: '操作记录',
            children: task.history.length ? (
              <Timeline
                items={task.history.map((h) => ({
                  key: h.id,
                  content: (
                    <>
                      <Typography.Text>{describeHistory(h.entityType, h.action)}</Typography.Text>
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {h.actorName ?? '系统'} · {dayjs(h.at).format('YYYY-MM-DD HH:mm')}
                      </Typography.Text>
                      {h.note && <div>{h.note}</div>}
                    </>
                  ),
                }))}
              />
            ) : (
              <Empty description="暂无操作记录" />
            ),
          },
        ]}
      />
    </>
  );
}

type Report = TaskDetailData['reports'][number];

/**
 * The report the office returned, while it is the unit's latest word (reports are newest first): a
 * returned progress report leaves the task in progress, a returned completion claim makes it RETURNED;
 * either way the unit must answer it. Once the unit reports again, the newer report is what counts.
 */
function latestReturned(task: TaskDetailData): Report | undefined {
  const latest = task.reports.find((r) => r.status !== 'LEADER_REJECTED');
  return latest?.status === 'RETURNED' ? latest : undefined;
}

/** What to resubmit from: the returned report's text, percent, links and files. */
function draftFrom(r: Report): ReportDraft {
  return {
    text: r.text,
    progress: r.progress,
    claimsCompletion: r.claimsCompletion,
    urls: r.evidence.filter((e) => e.kind === 'URL' && e.url).map((e) => e.url!),
    files: r.evidence.flatMap((e) =>
      e.kind === 'FILE' && e.file
        ? [
            {
              id: e.file.id,
              filename: e.file.filename,
              mimeType: e.file.mimeType,
              sizeBytes: e.file.sizeBytes,
              sha256: '',
            },
          ]
        : [],
    ),
  };
}
