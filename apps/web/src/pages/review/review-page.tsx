import { useMutation, useQuery } from '@apollo/client/react';
import { ArrowLeftOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Modal, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ReviewItemRowFragment, ReviewVerdict } from '../../generated/graphql';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { isOffice } from '../../modules/auth/utils/roles';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { withSearchParams } from '../../modules/common/utils/search-params';
import { DownloadButton, exportHref } from '../../modules/exports';
import { ReviewItemsTable, type VerdictFilter } from '../../modules/review/components/review-items-table';
import { ReviewProgressBar } from '../../modules/review/components/review-progress';
import { ReviewSummaryView } from '../../modules/review/components/review-summary-view';
import { VerdictForm, type VerdictFormValues } from '../../modules/review/components/verdict-form';
import { CompleteReviewMutation } from '../../modules/review/graphql/complete-review.mutation';
import { RecordVerdictMutation } from '../../modules/review/graphql/record-verdict.mutation';
import { ReviewQuery } from '../../modules/review/graphql/review.query';
import { VERDICTS } from '../../modules/review/utils/verdicts';
import { TaskDrawer } from '../../modules/task-detail/components/task-drawer';
import { UnitsQuery } from '../../modules/directory/graphql/units.query';

const AFTER_VERDICT = ['Review', 'ReviewItems', 'ReviewSummary', 'LedgerTasks', 'Dashboard', 'TaskDetail'];

/** One 回头看: progress, the items to judge one by one, and the summary that goes to leadership. */
export default function ReviewPage() {
  const { reviewId = '' } = useParams();
  const { viewer } = useViewer();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'summary' ? 'summary' : 'items';
  const verdictParam = params.get('verdict');
  const verdict: VerdictFilter =
    verdictParam === 'PENDING' || VERDICTS.includes(verdictParam as ReviewVerdict)
      ? (verdictParam as VerdictFilter)
      : undefined;
  const unitId = params.get('unitId') ?? undefined;
  const taskId = params.get('task');
  const [recording, setRecording] = useState<ReviewItemRowFragment | null>(null);

  const { data, loading, error, refetch } = useQuery(ReviewQuery, {
    variables: { id: reviewId },
    fetchPolicy: 'cache-and-network',
  });
  const units = useQuery(UnitsQuery, { variables: { filter: {} } });
  const [recordVerdict, { loading: saving }] = useMutation(RecordVerdictMutation, {
    refetchQueries: AFTER_VERDICT,
    awaitRefetchQueries: true,
  });
  const [completeReview] = useMutation(CompleteReviewMutation, { refetchQueries: ['ReviewSummary'] });
  const review = data?.review;
  usePageTitle(review ? review.title : '回头看');
  const unitOptions = useMemo(() => (units.data?.units ?? []).map((u) => ({ id: u.id, name: u.name })), [units.data]);

  const update = (changes: Record<string, string | null | undefined>) => setParams(withSearchParams(params, changes));

  if (loading && !data) return <PageLoading rows={10} />;
  if (error || !review) return <QueryError error={error} onRetry={() => void refetch()} />;
  const office = !!viewer && isOffice(viewer.role);
  const open = review.status === 'OPEN';

  const save = async (values: VerdictFormValues) => {
    if (!recording) return;
    try {
      await recordVerdict({
        variables: {
          input: {
            itemId: recording.id,
            version: recording.version,
            verdict: values.verdict,
            notes: values.notes,
            evidenceUrls: values.evidenceUrls,
            rectification: values.rectification,
          },
        },
      });
      message.success(
        values.rectification ? `已评定，已生成整改任务（时限 ${values.rectification.dueDate}）` : '已保存评定',
      );
      setRecording(null);
    } catch {
      // The link has shown the API's message; the form keeps what was typed.
    }
  };

  const complete = () => {
    modal.confirm({
      title: '完成回头看？',
      content:
        review.progress.pending > 0
          ? `还有 ${review.progress.pending} 项未评定，需全部评定后才能完成。`
          : `共评定 ${review.progress.total} 项，生成整改任务 ${review.progress.rectifications} 项。完成后不能再修改评定，总结可下载报送领导。`,
      okText: '完成回头看',
      okButtonProps: { disabled: review.progress.pending > 0 },
      cancelText: '取消',
      onOk: async () => {
        try {
          await completeReview({ variables: { id: review.id, version: review.version } });
          message.success('回头看已完成');
          update({ tab: 'summary' });
        } catch {
          // shown by the link
        }
      },
    });
  };

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap align="start">
        <div>
          <Link to={review.plan ? `/reviews?planId=${review.planId}` : '/reviews'}>
            <ArrowLeftOutlined /> 回头看列表
          </Link>
          <Typography.Title level={3} style={{ margin: '4px 0 0' }}>
            {review.title} {open ? <Tag color="processing">进行中</Tag> : <Tag color="success">已完成</Tag>}
          </Typography.Title>
          <Typography.Text type="secondary">
            {review.plan ? `${review.plan.year} ${review.plan.title}` : ''} · 发起于{' '}
            {dayjs(review.openedAt).format('YYYY-MM-DD')}
            {review.completedAt && ` · 完成于 ${dayjs(review.completedAt).format('YYYY-MM-DD')}`}
          </Typography.Text>
        </div>
        <Space wrap>
          <DownloadButton href={exportHref('review-summary.docx', { reviewId: review.id })} filename="回头看报告.docx">
            下载报告 (.docx)
          </DownloadButton>
          {office && open && (
            <Button type="primary" icon={<CheckCircleOutlined />} onClick={complete}>
              完成回头看
            </Button>
          )}
        </Space>
      </Space>
      <Card size="small" style={{ marginBottom: 16 }}>
        <ReviewProgressBar progress={review.progress} />
        <Typography.Text type="secondary">
          计划的全部 {review.itemCount} 项任务逐项评定
          {review.untimedTaskCount > 0 ? `，其中 ${review.untimedTaskCount} 项文件未写明时限，按年底前完成评定` : ''}
          {review.progress.excluded > 0 ? `；${review.progress.excluded} 项经说明理由不纳入` : ''}。
        </Typography.Text>
      </Card>
      {open && office && review.progress.pending === 0 && review.progress.total > 0 && (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} title="全部任务已评定，可以点击“完成回头看”。" />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key === 'summary' ? 'summary' : null })}
        items={[
          {
            key: 'items',
            label: `逐项评定（${review.progress.recorded}/${review.progress.total - review.progress.excluded}）`,
            children: (
              <ReviewItemsTable
                reviewId={review.id}
                verdict={verdict}
                unitId={unitId}
                units={unitOptions}
                onFilter={(v, u) => update({ verdict: v ?? null, unitId: u ?? null })}
                canRecord={office && open}
                onRecord={setRecording}
                onOpenTask={(id) => update({ task: id })}
              />
            ),
          },
          {
            key: 'summary',
            label: '总结',
            children: <ReviewSummaryView reviewId={review.id} onOpenTask={(id) => update({ task: id })} />,
          },
        ]}
      />
      <Modal
        open={!!recording}
        title={recording ? `评定：${recording.unit?.name ?? ''}` : '评定'}
        footer={null}
        width={640}
        onCancel={() => setRecording(null)}
        destroyOnHidden
      >
        {recording && (
          <>
            <Typography.Paragraph strong>
              {recording.task?.keyPoint ? `${recording.task.keyPoint.label} ${recording.task.keyPoint.title}` : ''}
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary">
              时限 {recording.task?.dueDate} · 进度 {recording.task?.progress ?? 0}%
              <Button type="link" size="small" onClick={() => update({ task: recording.taskId })}>
                查看任务记录
              </Button>
            </Typography.Paragraph>
            <VerdictForm
              key={recording.id}
              initial={{
                verdict: recording.verdict,
                notes: recording.notes,
                evidenceUrls: recording.evidenceUrls,
                requirement: recording.rectificationRequirement,
                dueDate: recording.rectificationTask?.dueDate,
              }}
              submitting={saving}
              onSubmit={save}
              onCancel={() => setRecording(null)}
            />
          </>
        )}
      </Modal>
      <TaskDrawer taskId={taskId} onClose={() => update({ task: null })} />
    </>
  );
}
