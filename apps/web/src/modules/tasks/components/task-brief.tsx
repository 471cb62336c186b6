import { Alert, Descriptions, Typography } from 'antd';
import dayjs from 'dayjs';
import type { TaskDetail } from '../utils/task-timeline';

type KeyPoint = NonNullable<TaskDetail['keyPoint']>;

const unitNames = (kp: KeyPoint, role: 'LEAD' | 'RESPONSIBLE') =>
  kp.units
    .filter((u) => u.role === role)
    .map((u) => u.unit?.name ?? u.rawName)
    .join('、');

/**
 * What is asked, at the top of a task: the key point as written (its full text and time limit), who
 * leads it and who else is responsible, and leadership's 批示 — what a liaison needs before reporting.
 */
export function TaskBrief({ keyPoint, plan }: { keyPoint: KeyPoint; plan: TaskDetail['plan'] }) {
  const lead = unitNames(keyPoint, 'LEAD');
  const responsible = unitNames(keyPoint, 'RESPONSIBLE');
  const deadlines = keyPoint.deadlines.map((d) => d.text).join('；');
  return (
    <section aria-label="工作要点" style={{ marginBottom: 12 }}>
      {keyPoint.instructions.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="instructions"
          title="领导批示"
          description={keyPoint.instructions.map((i) => (
            <div key={i.id}>
              <Typography.Text strong>{i.authorName}</Typography.Text>
              <Typography.Text type="secondary">（{dayjs(i.createdAt).format('YYYY-MM-DD HH:mm')}）</Typography.Text>：
              {i.text}
            </div>
          ))}
        />
      )}
      <Descriptions size="small" column={1} bordered data-testid="task-brief">
        <Descriptions.Item label="要点内容">
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
            {keyPoint.text || keyPoint.title}
          </Typography.Paragraph>
        </Descriptions.Item>
        <Descriptions.Item label="完成时限">
          {deadlines || <Typography.Text type="secondary">文件未写明（按年底前完成）</Typography.Text>}
        </Descriptions.Item>
        <Descriptions.Item label="牵头单位">{lead || '—'}</Descriptions.Item>
        {responsible && <Descriptions.Item label="责任单位">{responsible}</Descriptions.Item>}
        {plan && <Descriptions.Item label="所属计划">{`${plan.year}年 ${plan.title}`}</Descriptions.Item>}
      </Descriptions>
    </section>
  );
}
