import { useMutation, useQuery } from '@apollo/client/react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { Role, UserRowFragment } from '../../generated/graphql';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { ROLE_LABELS } from '../../modules/auth/utils/roles';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { OneTimePasswordModal } from '../../modules/directory/components/one-time-password-modal';
import { UserFormModal, type UserFormValues } from '../../modules/directory/components/user-form-modal';
import { CreateUserMutation } from '../../modules/directory/graphql/create-user.mutation';
import { ResetPasswordMutation } from '../../modules/directory/graphql/reset-password.mutation';
import { UpdateUserMutation } from '../../modules/directory/graphql/update-user.mutation';
import { UsersQuery } from '../../modules/directory/graphql/users.query';
import { UnitsQuery } from '../../modules/units/graphql/units.query';

const PAGE = 50;

/** 账号管理 (office admin): people of the tenant; create, edit role/unit, 停用, reset password. */
export default function UsersPage() {
  usePageTitle('账号管理');
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [editing, setEditing] = useState<UserRowFragment | 'new' | null>(null);
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(UsersQuery, {
    variables: { filter: { search: search || undefined, role }, first: PAGE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const units = useQuery(UnitsQuery, { variables: { filter: { active: true } } });
  const unitOptions = useMemo(() => (units.data?.units ?? []).map((u) => ({ id: u.id, name: u.name })), [units.data]);
  const [createUser, { loading: creating }] = useMutation(CreateUserMutation, { refetchQueries: ['Users'] });
  const [updateUser, { loading: updating }] = useMutation(UpdateUserMutation);
  const [resetPassword] = useMutation(ResetPasswordMutation, { refetchQueries: ['Users'] });
  const conn = data?.users;
  const rows = conn?.nodes ?? [];
  if (viewer && viewer.role !== 'OFFICE_ADMIN') return <Alert type="info" showIcon title="账号管理由政务公开办管理员负责。" style={{ margin: 16 }} />;

  const save = async (v: UserFormValues) => {
    try {
      if (editing === 'new') {
        const { data: res } = await createUser({
          variables: { input: { username: v.username, displayName: v.displayName, role: v.role, unitId: v.unitId, email: v.email, phone: v.phone, password: v.password } },
        });
        message.success(`已新增账号：${v.username}`);
        if (res?.createUser.generatedPassword) setShown({ username: v.username, password: res.createUser.generatedPassword });
      } else if (editing) {
        await updateUser({
          variables: { id: editing.id, version: editing.version, input: { displayName: v.displayName, role: v.role, unitId: v.unitId, email: v.email ?? '', phone: v.phone ?? '' } },
        });
        message.success('已保存');
      }
      setEditing(null);
    } catch {
      // shown by the link
    }
  };
  const toggle = async (u: UserRowFragment) => {
    try {
      await updateUser({ variables: { id: u.id, version: u.version, input: { active: !u.active } } });
      message.success(u.active ? `已停用：${u.username}` : `已启用：${u.username}`);
    } catch {
      // shown by the link
    }
  };
  const reset = async (u: UserRowFragment) => {
    try {
      const { data: res } = await resetPassword({ variables: { userId: u.id } });
      if (res) setShown({ username: u.username, password: res.resetPassword });
    } catch {
      // shown by the link
    }
  };

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          账号管理
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          新增账号
        </Button>
      </Space>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search aria-label="搜索账号" placeholder="用户名或姓名" allowClear style={{ width: 240 }} onSearch={(v) => setSearch(v.trim())} />
        <Select
          aria-label="角色筛选"
          allowClear
          placeholder="全部角色"
          style={{ width: 180 }}
          value={role}
          onChange={setRole}
          options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
      </Space>
      {error ? (
        <QueryError error={error} onRetry={() => void refetch()} />
      ) : (
        <Table<UserRowFragment>
          rowKey="id"
          size="middle"
          loading={loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Empty description={search || role ? '没有符合条件的账号。' : '还没有账号。点击“新增账号”为各单位联络员开通账号。'} /> }}
          columns={[
            { title: '用户名', dataIndex: 'username', width: 140 },
            { title: '姓名', dataIndex: 'displayName', width: 120 },
            { title: '角色', dataIndex: 'role', width: 160, render: (r: Role) => ROLE_LABELS[r] },
            { title: '所属单位', key: 'unit', render: (_, u) => u.unit?.name ?? '' },
            { title: '邮箱', dataIndex: 'email', width: 180, render: (v: string | null) => v ?? '' },
            {
              title: '状态',
              key: 'status',
              width: 150,
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
                  {u.locked && <Tag color="red">已锁定</Tag>}
                  {u.mustChangePassword && <Tag color="gold">待改密码</Tag>}
                </Space>
              ),
            },
            {
              title: '操作',
              key: 'op',
              width: 220,
              fixed: 'right',
              render: (_, u) => {
                const self = u.id === viewer?.id;
                return (
                  <Space size={0}>
                    <Button type="link" size="small" onClick={() => setEditing(u)} aria-label={`编辑 ${u.username}`}>
                      编辑
                    </Button>
                    <Popconfirm
                      title={`重置 ${u.username} 的密码？`}
                      description="将生成新的初始密码并只显示一次，原密码立即失效。"
                      okText="重置"
                      cancelText="取消"
                      onConfirm={() => void reset(u)}
                    >
                      <Button type="link" size="small" aria-label={`重置密码 ${u.username}`}>
                        重置密码
                      </Button>
                    </Popconfirm>
                    {!self && (
                      <Popconfirm
                        title={u.active ? `停用 ${u.username}？` : `启用 ${u.username}？`}
                        description={u.active ? '停用后该账号立即退出并不能再登录。' : undefined}
                        okText={u.active ? '停用' : '启用'}
                        okButtonProps={{ danger: u.active }}
                        cancelText="取消"
                        onConfirm={() => void toggle(u)}
                      >
                        <Button type="link" size="small" danger={u.active} aria-label={`${u.active ? '停用' : '启用'} ${u.username}`}>
                          {u.active ? '停用' : '启用'}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                );
              },
            },
          ]}
          footer={() => (
            <Space>
              <Typography.Text type="secondary">
                已显示 {rows.length} / {conn?.totalCount ?? 0} 个账号
              </Typography.Text>
              {conn?.pageInfo.hasNextPage && (
                <Button
                  loading={loading}
                  onClick={() =>
                    void fetchMore({
                      variables: { after: conn.pageInfo.endCursor },
                      updateQuery: (prev, { fetchMoreResult }) => ({ users: { ...fetchMoreResult.users, nodes: [...prev.users.nodes, ...fetchMoreResult.users.nodes] } }),
                    })
                  }
                >
                  加载更多
                </Button>
              )}
            </Space>
          )}
        />
      )}
      <UserFormModal open={editing !== null} user={editing === 'new' ? null : editing} units={unitOptions} saving={creating || updating} onSave={save} onCancel={() => setEditing(null)} />
      <OneTimePasswordModal value={shown} onClose={() => setShown(null)} />
    </>
  );
}
