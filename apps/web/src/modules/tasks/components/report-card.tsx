import { FileOutlined, LinkOutlined } from '@ant-design/icons';
import { Card, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { formatBytes } from '../../reports/utils/upload-file';
import { REPORT_STATUS_COLORS, REPORT_STATUS_LABELS } from '../utils/labels';
import type { TaskReport } from '../utils/task-timeline';

/** One 报送: text, percent, evidence links and files, and what the leader and the office said. */
export function ReportCard({ report, actions }: { report: TaskReport; actions?: ReactNode }) {
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap>
          <Tag color={REPORT_STATUS_COLORS[report.status]}>{REPORT_STATUS_LABELS[report.status]}</Tag>
          <span>进度 {report.progress}%</span>
          {report.claimsCompletion && <Tag color="green">申报完成</Tag>}
          {report.leaderSkipped && (
            <Tag title="报送须经分管领导审核，但本单位没有启用的分管领导账号">本单位无分管领导，已直接报送办公室</Tag>
          )}
        </Space>
      }
      extra={
        <Typography.Text type="secondary">
          {report.authorName} · {dayjs(report.submittedAt).format('YYYY-MM-DD HH:mm')}
        </Typography.Text>
      }
      data-testid="report-card"
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{report.text}</Typography.Paragraph>
      {report.evidence.length > 0 && (
        <ul
          style={{ paddingLeft: 0, listStyle: 'none', margin: '0 0 8px', overflowWrap: 'anywhere' }}
          aria-label="佐证材料"
        >
          {report.evidence.map((e) => (
            <li key={e.id}>
              {e.kind === 'URL' && e.url ? (
                <a href={e.url} target="_blank" rel="noopener noreferrer">
                  <LinkOutlined /> {e.url}
                </a>
              ) : e.file ? (
                <a href={`/files/${e.file.id}`} download={e.file.filename}>
                  <FileOutlined /> {e.file.filename}（{formatBytes(e.file.sizeBytes)}）
                </a>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {report.leaderComment && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          分管领导（{report.leaderName}）：{report.leaderComment}
        </Typography.Paragraph>
      )}
      {report.reviewComment && (
        <Typography.Paragraph type={report.status === 'RETURNED' ? 'danger' : 'secondary'} style={{ marginBottom: 4 }}>
          {report.status === 'RETURNED' ? '退回原因' : '审核意见'}（{report.reviewerName}）：{report.reviewComment}
        </Typography.Paragraph>
      )}
      {actions}
    </Card>
  );
}
