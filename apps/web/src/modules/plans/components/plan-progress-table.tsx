import { useQuery } from '@apollo/client/react';
import { Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import type { PlanProgressQuery } from '../../../generated/graphql';
import { QueryError } from '../../common/components/query-error';
import { whenIdle } from '../../common/utils/when-idle';
import { KeyPointProgressTasksQuery } from '../graphql/plan-progress.query';
import { LightTag, StatusTag } from '../../tasks/components/light-tag';
import { TaskProgress } from '../../tasks/components/task-progress';
import { LIGHT_SHORT, LIGHT_TAG_COLORS, ROLE_LABELS } from '../../tasks/utils/labels';

export type ProgressSection = PlanProgressQuery['planProgress']['sections'][number];
export type ProgressKeyPoint = ProgressSection['keyPoints'][number];
export type ProgressUnit = PlanProgressQuery['planProgress']['units'][number];

function lightTags(kps: ProgressKeyPoint[]) {
  const totals = new Map<string, number>();
  for (const k of kps) for (const l of k.byLight) totals.set(l.light, (totals.get(l.light) ?? 0) + l.count);
  return (
    <Space size={2} wrap>
      {(['RED', 'YELLOW', 'GREEN', 'DONE_LATE', 'DONE'] as const)
        .filter((l) => totals.get(l))
        .map((l) => (
          <Tag key={l} color={LIGHT_TAG_COLORS[l]}>
            {LIGHT_SHORT[l]} {totals.get(l)}
          </Tag>
        ))}
    </Space>
  );
}

function averageOf(kps: ProgressKeyPoint[]) {
  const tasks = kps.reduce((n, k) => n + k.taskCount, 0);
  const sum = kps.reduce((n, k) => n + (k.averageProgress ?? 0) * k.taskCount, 0);
  return tasks ? Math.round(sum / tasks) : 0;
}

/** A key point's units' tasks, read when it is opened (a province plan has thousands in all). */
function KeyPointTasks({ keyPointId }: { keyPointId: string }) {
  const { data, loading, error, refetch } = useQuery(KeyPointProgressTasksQuery, {
    variables: { keyPointId },
    fetchPolicy: 'cache-and-network',
  });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  return (
    <Table
      rowKey="taskId"
      size="small"
      pagination={false}
      loading={loading && !data}
      dataSource={data?.keyPointProgressTasks ?? []}
      columns={[
        { title: '单位', key: 'unit', render: (_, t) => t.unit.name },
        { title: '角色', key: 'role', width: 64, render: (_, t) => ROLE_LABELS[t.role] },
        { title: '灯色', key: 'light', width: 96, render: (_, t) => <LightTag light={t.light} /> },
        { title: '状态', key: 'status', width: 140, render: (_, t) => <StatusTag status={t.status} /> },
        {
          title: '进度',
          key: 'progress',
          width: 140,
          render: (_, t) => <TaskProgress percent={t.progress} status={t.status} label={t.unit.name} />,
        },
        { title: '截止', dataIndex: 'dueDate', width: 110 },
      ]}
    />
  );
}

/**
 * Progress by section and key point; a key point expands to its units' tasks, read when opened.
 * `oneSectionAtATime` draws the first section's table, then each next one when the browser is idle
 * again: every antd Table measures the scrollbar when it mounts (an element and a stylesheet added and
 * removed, the whole page's style recalculated against antd's stylesheet), so six tables drawn together
 * are one long task, one at a time six short ones. For a page where these tables are below the first
 * screen (总览).
 */
export function PlanProgressTable({
  sections,
  keyPointAction,
  emptyText = '没有进展数据',
  oneSectionAtATime = false,
}: {
  sections: ProgressSection[];
  keyPointAction?: (kp: ProgressKeyPoint) => ReactNode;
  emptyText?: string;
  oneSectionAtATime?: boolean;
}) {
  const shown = sections.filter((s) => s.keyPoints.length);
  const [drawn, setDrawn] = useState(oneSectionAtATime ? 1 : Infinity);
  useEffect(() => {
    if (drawn >= shown.length) return;
    return whenIdle(() => startTransition(() => setDrawn((n) => n + 1)));
  }, [drawn, shown.length]);
  if (!shown.length) return <Empty description={emptyText} />;
  return (
    <>
      {shown.slice(0, drawn).map((section) => (
        <section
          key={section.sectionId ?? 'none'}
          style={{ marginBottom: 16 }}
          aria-label={`${section.label}、${section.title}`}
        >
          <Space wrap style={{ marginBottom: 8 }}>
            <Typography.Text strong>
              {section.label ? `${section.label}、` : ''}
              {section.title}
            </Typography.Text>
            <Typography.Text type="secondary">平均进度 {averageOf(section.keyPoints)}%</Typography.Text>
            {lightTags(section.keyPoints)}
          </Space>
          <Table<ProgressKeyPoint>
            rowKey="keyPointId"
            size="small"
            pagination={false}
            dataSource={section.keyPoints}
            expandable={{
              rowExpandable: (kp) => kp.taskCount > 0,
              expandedRowRender: (kp) => <KeyPointTasks keyPointId={kp.keyPointId} />,
            }}
            columns={[
              { title: '要点', key: 'title', render: (_, kp) => `${kp.label} ${kp.title}` },
              { title: '任务数', dataIndex: 'taskCount', width: 80 },
              {
                title: '平均进度',
                key: 'avg',
                width: 160,
                render: (_, kp) => (
                  <Progress
                    percent={Math.round(kp.averageProgress ?? 0)}
                    size="small"
                    aria-label={`${kp.label} ${kp.title}平均进度 ${Math.round(kp.averageProgress ?? 0)}%`}
                  />
                ),
              },
              { title: '灯色分布', key: 'lights', width: 260, render: (_, kp) => lightTags([kp]) },
              ...(keyPointAction
                ? [
                    {
                      title: '操作',
                      key: 'op',
                      width: 90,
                      render: (_: unknown, kp: ProgressKeyPoint) => keyPointAction(kp),
                    },
                  ]
                : []),
            ]}
          />
        </section>
      ))}
    </>
  );
}
