import { useQuery } from '@apollo/client/react';
import { Alert, Skeleton, Typography } from 'antd';
import type { NotificationKind } from '../../../generated/graphql';
import { MessageReachQuery } from '../graphql/message-reach.query';
import { channelList } from '../utils/labels';

/**
 * Before an urge or a publish: who will receive it and through what, and which units nobody can
 * receive it for ("鞍山市政府尚无可接收消息的账号").
 */
export function MessageReachSummary({
  kind,
  unitIds,
  planId,
}: {
  kind: NotificationKind;
  unitIds?: string[];
  planId?: string;
}) {
  const { data, loading, error } = useQuery(MessageReachQuery, {
    variables: { kind, unitIds: unitIds ?? null, planId: planId ?? null },
    fetchPolicy: 'network-only',
  });
  if (loading && !data) return <Skeleton active paragraph={{ rows: 1 }} title={false} />;
  if (error || !data) return null;
  const reach = data.messageReach;
  const people = reach.units.flatMap((u) => u.people.map((p) => ({ ...p, unitName: u.unitName })));
  const single = reach.units.length === 1;
  return (
    <div data-testid="message-reach">
      {reach.unreachableUnitNames.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={
            reach.unreachableUnitNames.length > 5
              ? `${reach.unreachableUnitNames.slice(0, 5).join('、')}等 ${reach.unreachableUnitNames.length} 个单位尚无可接收消息的账号`
              : `${reach.unreachableUnitNames.join('、')}尚无可接收消息的账号`
          }
          description="请在“账号管理”中为这些单位开通联络员账号，否则他们收不到本条消息。"
        />
      )}
      {people.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          将通知：
          {single
            ? people.map((p) => `${p.name}（${channelList(p.channels)}）`).join('，')
            : `${reach.units.length - reach.unreachableUnitNames.length} 个单位的 ${people.length} 人，其中 ${people.filter((p) => p.channels.length > 1).length} 人同时通过企业微信、钉钉或邮件收到`}
          {reach.robotNames.length > 0 && `；群机器人：${reach.robotNames.join('、')}`}。
        </Typography.Paragraph>
      )}
    </div>
  );
}
