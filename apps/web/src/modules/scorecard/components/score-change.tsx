import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Typography } from 'antd';

/** Change vs the previous year: green up, red down; nothing to compare shows 新增. */
export function ScoreChange({
  change,
  previousScore,
}: {
  change: number | null | undefined;
  previousScore: number | null | undefined;
}) {
  if (change === null || change === undefined || previousScore === null || previousScore === undefined)
    return <Typography.Text type="secondary">上年无任务</Typography.Text>;
  const text = Math.abs(change).toFixed(1);
  if (change > 0)
    return (
      <Typography.Text type="success" aria-label={`比上年提高 ${text} 分`}>
        <ArrowUpOutlined /> {text}
      </Typography.Text>
    );
  if (change < 0)
    return (
      <Typography.Text type="danger" aria-label={`比上年降低 ${text} 分`}>
        <ArrowDownOutlined /> {text}
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary" aria-label="与上年持平">
      <MinusOutlined /> 0
    </Typography.Text>
  );
}
