import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import type { MessageDeliveryFieldsFragment } from '../../../generated/graphql';
import { DELIVERY_STATUS } from '../utils/labels';

/** 已送达 / 失败（原因）/ 待发送（何时）: one message's state, the reason on hover. */
export function DeliveryStatusTag({
  delivery,
}: {
  delivery: Pick<MessageDeliveryFieldsFragment, 'status' | 'lastError' | 'nextAttemptAt' | 'attempts'>;
}) {
  const { label, color } = DELIVERY_STATUS[delivery.status];
  const waiting =
    delivery.status === 'PENDING' && delivery.nextAttemptAt
      ? `，${dayjs(delivery.nextAttemptAt).format('MM-DD HH:mm')} 发送`
      : '';
  const retrying =
    delivery.status === 'PENDING' && delivery.attempts > 0 ? `（第 ${delivery.attempts + 1} 次尝试）` : '';
  const tag = (
    <Tag color={color}>
      {label}
      {retrying}
      {waiting}
    </Tag>
  );
  return delivery.lastError ? <Tooltip title={delivery.lastError}>{tag}</Tooltip> : tag;
}
