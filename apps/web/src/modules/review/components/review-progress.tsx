import { Progress, Space, Tag, Typography } from 'antd';
import { VERDICT_COLORS, VERDICT_LABELS } from '../utils/verdicts';

interface Counts {
  total: number;
  recorded: number;
  pending: number;
  excluded: number;
  implemented: number;
  partial: number;
  notImplemented: number;
  notApplicable: number;
  rectifications: number;
}

/** 已评定/总数 (tasks taken out with a reason are not to be judged) and the split by verdict. */
export function ReviewProgressBar({ progress, compact }: { progress: Counts; compact?: boolean }) {
  const judged = progress.total - progress.excluded;
  const percent = judged ? Math.round((progress.recorded / judged) * 100) : 0;
  return (
    <div>
      <Space wrap style={{ marginBottom: compact ? 0 : 4 }}>
        <Typography.Text strong>
          已评定 {progress.recorded} / {judged}
        </Typography.Text>
        {!compact && (
          <>
            <Tag color={VERDICT_COLORS.IMPLEMENTED}>
              {VERDICT_LABELS.IMPLEMENTED} {progress.implemented}
            </Tag>
            <Tag color={VERDICT_COLORS.PARTIAL}>
              {VERDICT_LABELS.PARTIAL} {progress.partial}
            </Tag>
            <Tag color={VERDICT_COLORS.NOT_IMPLEMENTED}>
              {VERDICT_LABELS.NOT_IMPLEMENTED} {progress.notImplemented}
            </Tag>
            <Tag>
              {VERDICT_LABELS.NOT_APPLICABLE} {progress.notApplicable}
            </Tag>
            <Tag color="processing">待评定 {progress.pending}</Tag>
            <Tag color="orange">整改任务 {progress.rectifications}</Tag>
            {progress.excluded > 0 && <Tag>不纳入 {progress.excluded}</Tag>}
          </>
        )}
      </Space>
      <Progress
        percent={percent}
        success={{ percent: judged ? Math.round((progress.implemented / judged) * 100) : 0 }}
        size={compact ? 'small' : 'default'}
        aria-label={`已评定 ${progress.recorded} / ${judged}`}
      />
    </div>
  );
}
