import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { MessageReachSummary } from '../../messaging/components/message-reach-summary';

export interface PublishPreviewView {
  keyPoints: number;
  tasksToCreate: number;
  unitsInvolved: number;
  keyPointsWithoutUnits: number;
  unresolvedNames: number;
  unresolvedOccurrences: number;
  unitsWithoutLiaison: { id: string; name: string }[];
  pastTimeLimits: {
    keyPointId: string;
    label: string;
    title: string;
    text?: string | null;
    date: string;
    isDueDate: boolean;
  }[];
}

export interface DuplicatePlan {
  id: string;
  title: string;
  status: string;
}

const list = (names: string[], max = 8) =>
  names.length > max ? `${names.slice(0, max).join('、')} 等 ${names.length} 个` : names.join('、');
const STATE: Record<string, string> = { DRAFT: '草稿', PUBLISHED: '已发布', ARCHIVED: '已归档' };

type PlanLink = (plan: DuplicatePlan) => ReactNode;
const routerLink: PlanLink = (d) => <Link to={`/plans/${d.id}`}>《{d.title}》</Link>;
// The confirmation dialog renders outside the router: it opens the other plan in a new tab.
const tabLink: PlanLink = (d) => (
  <a href={`/plans/${d.id}`} target="_blank" rel="noreferrer">
    《{d.title}》
  </a>
);

/** What will go wrong when this draft is published, each as one warning: said before, not discovered after. */
export function publishWarnings(
  preview: PublishPreviewView,
  duplicates: DuplicatePlan[],
  link: PlanLink = routerLink,
): { key: string; title: string; body: ReactNode }[] {
  const out: { key: string; title: string; body: ReactNode }[] = [];
  const noLiaison = preview.unitsWithoutLiaison;
  if (noLiaison.length) {
    out.push({
      key: 'liaison',
      title: `${noLiaison.length} 个单位还没有联络员账号`,
      body: `${list(noLiaison.map((u) => u.name))}。发布后这些单位无人能登录查看任务、报送进展，也收不到提醒；请在“单位名录”中为其开通联络员账号。`,
    });
  }
  const past = preview.pastTimeLimits;
  if (past.length) {
    const overdue = past.filter((p) => p.isDueDate).length;
    out.push({
      key: 'past',
      title: `${past.length} 个时限已过（最早 ${past[0].date}）`,
      body: (
        <>
          {overdue > 0 && `${overdue} 项要点的截止日期已过，发布后其任务即为逾期（红灯）。`}
          <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
            {past.slice(0, 5).map((p) => (
              <li key={`${p.keyPointId}-${p.date}`}>
                {p.label} {p.title}：{p.text ?? '默认截止日期'}（{p.date}）
              </li>
            ))}
            {past.length > 5 && <li>…… 共 {past.length} 个</li>}
          </ul>
        </>
      ),
    });
  }
  if (duplicates.length) {
    out.push({
      key: 'duplicate',
      title: '同一文件已导入过',
      body: (
        <>
          文号或内容相同的计划：
          {duplicates.map((d, i) => (
            <span key={d.id}>
              {i > 0 && '、'}
              {link(d)}（{STATE[d.status] ?? d.status}）
            </span>
          ))}
          。确认不是重复发布。
        </>
      ),
    });
  }
  return out;
}

/** Step 3: what publishing will create, what still blocks it, what will go wrong, and a confirmation. */
export function PublishPanel({
  planId,
  preview,
  duplicates = [],
  publishing,
  onPublish,
}: {
  planId: string;
  preview: PublishPreviewView;
  duplicates?: DuplicatePlan[];
  publishing: boolean;
  onPublish: () => Promise<void>;
}) {
  const { modal } = App.useApp();
  const blocked = preview.unresolvedNames > 0 || preview.keyPointsWithoutUnits > 0 || preview.keyPoints === 0;
  const warnings = publishWarnings(preview, duplicates);
  const reached = preview.unitsInvolved - preview.unitsWithoutLiaison.length;
  const confirm = () =>
    modal.confirm({
      title: '确认发布工作要点？',
      icon: <SendOutlined />,
      width: 560,
      content: (
        <div data-testid="publish-confirm">
          <p>
            发布后将为 {preview.unitsInvolved} 个单位创建 {preview.tasksToCreate} 项任务（涉及 {preview.keyPoints}{' '}
            项要点）。
            {preview.unitsWithoutLiaison.length === 0
              ? '各单位联络员即可在“我的任务”中看到并报送进展。'
              : `已开通联络员账号的 ${reached} 个单位可在“我的任务”中看到并报送进展。`}
            发布后不能删除，只能通过调整留痕修改。
          </p>
          {publishWarnings(preview, duplicates, tabLink).map((w) => (
            <Alert
              key={w.key}
              type="warning"
              showIcon
              title={w.title}
              description={w.body}
              style={{ marginBottom: 8 }}
            />
          ))}
        </div>
      ),
      okText: warnings.length ? '仍然发布' : '发布',
      cancelText: '再检查一下',
      onOk: onPublish,
    });
  return (
    <Card size="small" title="发布预览" data-testid="publish-panel">
      <Descriptions column={1} size="small">
        <Descriptions.Item label="工作要点">{preview.keyPoints} 项</Descriptions.Item>
        <Descriptions.Item label="将创建任务">{preview.tasksToCreate} 项</Descriptions.Item>
        <Descriptions.Item label="涉及单位">{preview.unitsInvolved} 个</Descriptions.Item>
        <Descriptions.Item label="未识别的单位名称">
          <span style={{ color: preview.unresolvedNames ? '#cf1322' : undefined }} data-testid="unresolved-names">
            {preview.unresolvedNames} 个
            {preview.unresolvedNames > 0 && (
              <Typography.Text type="secondary">（出现 {preview.unresolvedOccurrences} 处）</Typography.Text>
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label="未指定单位的要点">
          <span style={{ color: preview.keyPointsWithoutUnits ? '#cf1322' : undefined }}>
            {preview.keyPointsWithoutUnits} 项
          </span>
        </Descriptions.Item>
      </Descriptions>
      {preview.keyPoints === 0 ? (
        <Alert
          type="warning"
          showIcon
          title="草稿中还没有工作要点：在原文中选中一行设为要点，或点“添加要点”。"
          style={{ marginBottom: 12 }}
        />
      ) : blocked ? (
        <Alert
          type="warning"
          showIcon
          title="请先为待确认的单位名称选择对应单位，并为每项要点指定承办单位，然后再发布。"
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          title="所有单位名称均已对应，可以发布。"
          style={{ marginBottom: 12 }}
        />
      )}
      {warnings.length > 0 && (
        <div data-testid="publish-warnings" style={{ marginBottom: 12 }}>
          <Typography.Text strong>发布前请注意</Typography.Text>
          {warnings.map((w) => (
            <Alert key={w.key} type="warning" showIcon title={w.title} description={w.body} style={{ marginTop: 8 }} />
          ))}
        </div>
      )}
      {!blocked && (
        <div style={{ marginBottom: 12 }}>
          <MessageReachSummary kind="TASK_ASSIGNED" planId={planId} />
        </div>
      )}
      <Space>
        <Button type="primary" icon={<SendOutlined />} disabled={blocked} loading={publishing} onClick={confirm}>
          发布并生成任务
        </Button>
      </Space>
    </Card>
  );
}
