import { CheckCircleOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Space } from 'antd';
import { MessageReachSummary } from '../../messaging/components/message-reach-summary';

export interface PublishPreviewView {
  keyPoints: number;
  tasksToCreate: number;
  unitsInvolved: number;
  keyPointsWithoutUnits: number;
  unresolvedNames: number;
}

/** Step 3: what publishing will create, what still blocks it, and a confirmation before it happens. */
export function PublishPanel({ planId, preview, publishing, onPublish }: { planId: string; preview: PublishPreviewView; publishing: boolean; onPublish: () => Promise<void> }) {
  const { modal } = App.useApp();
  const blocked = preview.unresolvedNames > 0 || preview.keyPointsWithoutUnits > 0;
  const confirm = () =>
    modal.confirm({
      title: '确认发布工作要点？',
      icon: <SendOutlined />,
      content: `发布后将为 ${preview.unitsInvolved} 个单位创建 ${preview.tasksToCreate} 项任务（涉及 ${preview.keyPoints} 项要点），各单位即可在“我的任务”中看到并报送进展。发布后不能删除，只能通过调整留痕修改。`,
      okText: '发布',
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
          <span style={{ color: preview.unresolvedNames ? '#cf1322' : undefined }}>{preview.unresolvedNames} 个</span>
        </Descriptions.Item>
        <Descriptions.Item label="未指定单位的要点">
          <span style={{ color: preview.keyPointsWithoutUnits ? '#cf1322' : undefined }}>{preview.keyPointsWithoutUnits} 项</span>
        </Descriptions.Item>
      </Descriptions>
      {blocked ? (
        <Alert type="warning" showIcon title="请先在左侧为红色、橙色的单位名称选择对应单位，并为每项要点指定承办单位，然后再发布。" style={{ marginBottom: 12 }} />
      ) : (
        <Alert type="success" showIcon icon={<CheckCircleOutlined />} title="所有单位名称均已对应，可以发布。" style={{ marginBottom: 12 }} />
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
