import { Tag } from 'antd';
import {
  LIGHT_SHORT,
  LIGHT_TAG_COLORS,
  STATUS_COLORS,
  STATUS_LABELS,
  type TaskStatus,
  type WarningLight,
} from '../utils/labels';

export function LightTag({ light }: { light: WarningLight }) {
  return (
    <Tag color={LIGHT_TAG_COLORS[light]} variant="solid" data-light={light}>
      {LIGHT_SHORT[light]}
    </Tag>
  );
}

export function StatusTag({ status }: { status: TaskStatus }) {
  return <Tag color={STATUS_COLORS[status]}>{STATUS_LABELS[status]}</Tag>;
}
