import { DeleteOutlined } from '@ant-design/icons';
import { Button, Card, List, Typography } from 'antd';
import { TimeLimitForm, type TimeLimitValue } from './time-limit-form';

export interface PlanMilestoneView {
  id: string;
  text: string;
  date: string | null;
}

/** Plan-level milestones (工作方案: 2020年11月底前,完成…): listed, added and removed while a draft. */
export function PlanMilestonesCard({
  milestones,
  year,
  readOnly,
  onAdd,
  onRemove,
}: {
  milestones: PlanMilestoneView[];
  year: number;
  readOnly?: boolean;
  onAdd: (v: TimeLimitValue) => Promise<void>;
  onRemove: (m: PlanMilestoneView) => void;
}) {
  if (readOnly && !milestones.length) return null;
  return (
    <Card size="small" title="计划节点" style={{ marginBottom: 16 }} data-testid="plan-milestones">
      <List
        size="small"
        dataSource={milestones}
        locale={{ emptyText: '没有计划层面的时间节点（工作方案常有，如“11月底前完成总结”）。' }}
        renderItem={(m) => (
          <List.Item
            actions={
              readOnly
                ? undefined
                : [
                    <Button
                      key="remove"
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除节点“${m.text}”`}
                      onClick={() => onRemove(m)}
                    />,
                  ]
            }
          >
            <Typography.Text>{m.text}</Typography.Text>
            <Typography.Text type="secondary">{m.date ?? '非固定日期'}</Typography.Text>
          </List.Item>
        )}
      />
      {!readOnly && (
        <div style={{ marginTop: 8 }}>
          <TimeLimitForm year={year} onSubmit={onAdd} submitText="添加节点" what="节点" example="11月底前完成总结" />
        </div>
      )}
    </Card>
  );
}
