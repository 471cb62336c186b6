import { Progress } from 'antd';
import type { CSSProperties } from 'react';
import type { TaskStatus } from '../utils/labels';

/**
 * A task's progress bar with an accessible name (what it measures, for whom). A completion the office
 * returned is not complete: its 100% shows without the green tick of a finished task.
 */
export function TaskProgress({
  percent,
  label,
  status,
  style,
}: {
  percent: number;
  label: string;
  status?: TaskStatus;
  style?: CSSProperties;
}) {
  const returned = status === 'RETURNED' || status === 'SUBMITTED';
  return (
    <Progress
      percent={percent}
      size="small"
      status={returned ? 'normal' : undefined}
      format={(p) => `${p ?? 0}%`}
      aria-label={`${label}完成进度 ${percent}%${status === 'RETURNED' ? '（已退回）' : status === 'SUBMITTED' ? '（待审核）' : ''}`}
      style={style}
    />
  );
}
