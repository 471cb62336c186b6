import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, InputNumber, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { UserRowFragment } from '../../../generated/graphql';
import { rolesLabel } from '../../auth/utils/roles';
import { QueryError } from '../../common/components/query-error';
import { DisableUnusedAccountsMutation } from '../graphql/disable-unused-accounts.mutation';
import { UnusedAccountsQuery } from '../graphql/unused-accounts.query';

const DEFAULT_DAYS = 90;

/**
 * 闲置账号 (security admin, 等保 2.0): active accounts with no sign-in for N days, or never signed in and
 * made that long ago, disabled together after a confirm that names how many. The server checks each
 * again, so one that signed in meanwhile stays active.
 */
export function UnusedAccounts() {
  const { message } = App.useApp();
  const [days, setDays] = useState(DEFAULT_DAYS);
  const { data, loading, error, refetch } = useQuery(UnusedAccountsQuery, {
    variables: { days },
    fetchPolicy: 'cache-and-network',
  });
  const [disable, { loading: disabling }] = useMutation(DisableUnusedAccountsMutation, {
    refetchQueries: ['UnusedAccounts', 'Users'],
  });
  const rows = data?.unusedAccounts ?? [];
  const disableAll = async () => {
    try {
      const { data: res } = await disable({ variables: { userIds: rows.map((u) => u.id), days } });
      const done = res?.disableUnusedAccounts ?? 0;
      message.success(
        done === rows.length ? `已停用 ${done} 个闲置账号` : `已停用 ${done} 个闲置账号（其余账号期间已登录，未停用）`,
      );
    } catch {
      // shown by the link
    }
  };
  return (
    <Card title="闲置账号">
      <Space wrap style={{ marginBottom: 12 }}>
        <span>超过</span>
        <InputNumber
          aria-label="闲置天数"
          min={30}
          max={365}
          value={days}
          onChange={(v) => v && setDays(v)}
          style={{ width: 90 }}
        />
        <span>天未登录（从未登录的，按开通日期计算）</span>
        <Popconfirm
          title={`停用 ${rows.length} 个闲置账号？`}
          description="停用后这些账号立即退出、不能再登录；如需恢复，由系统管理员在账号管理中启用。"
          okText="全部停用"
          okButtonProps={{ danger: true }}
          cancelText="取消"
          disabled={!rows.length}
          onConfirm={() => void disableAll()}
        >
          <Button danger disabled={!rows.length} loading={disabling}>
            停用全部闲置账号（{rows.length} 个）
          </Button>
        </Popconfirm>
      </Space>
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        title="等保 2.0 要求及时清理多余、过期账户。停用操作记入审计日志；您本人的账号不在列表中。"
      />
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<UserRowFragment>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={`没有超过 ${days} 天未登录的账号。`} /> }}
          columns={[
            { title: '用户名', dataIndex: 'username' },
            { title: '姓名', dataIndex: 'displayName' },
            { title: '角色', key: 'roles', render: (_, u) => rolesLabel(u.roles) },
            { title: '所属单位', key: 'unit', render: (_, u) => u.unit?.name ?? '' },
            {
              title: '最近登录',
              dataIndex: 'lastSignInAt',
              render: (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : <Tag color="orange">从未登录</Tag>),
            },
            { title: '开通日期', dataIndex: 'createdAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
          ]}
          footer={() => <Typography.Text type="secondary">共 {rows.length} 个闲置账号</Typography.Text>}
        />
      )}
    </Card>
  );
}
