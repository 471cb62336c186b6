import { useMutation, useQuery } from '@apollo/client/react';
import { PlusOutlined, TeamOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Empty, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { Role, UserRowFragment, UserSort } from '../../generated/graphql';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { accountManagerRefusal } from '@duban/domain';
import { ROLE_LABELS, rolesLabel, UNIT_ROLES } from '../../modules/auth/utils/roles';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { ImportAccountsModal } from '../../modules/directory/components/import-accounts-modal';
import { OneTimePasswordModal } from '../../modules/directory/components/one-time-password-modal';
import {
  managesAccount,
  unitMatches,
  UserFormModal,
  type UserFormValues,
} from '../../modules/directory/components/user-form-modal';
import { UnlockUserMutation } from '../../modules/directory/graphql/unlock-user.mutation';
import { CreateMissingLiaisonsMutation } from '../../modules/directory/graphql/create-missing-liaisons.mutation';
import { CreateUserMutation } from '../../modules/directory/graphql/create-user.mutation';
import { ResetPasswordMutation } from '../../modules/directory/graphql/reset-password.mutation';
import { ResetTwoFactorMutation } from '../../modules/directory/graphql/reset-two-factor.mutation';
import { TenantCodeQuery } from '../../modules/directory/graphql/tenant-code.query';
import { UpdateUserMutation } from '../../modules/directory/graphql/update-user.mutation';
import { UsersQuery } from '../../modules/directory/graphql/users.query';
import type { IssuedAccount } from '../../modules/directory/utils/accounts-api';
import { DownloadButton } from '../../modules/exports';
import { UnitsQuery } from '../../modules/directory/graphql/units.query';
import { UNIT_LISTS } from '../../modules/directory/utils/unit-lists';
import { MaskedContact } from '../../modules/directory/components/masked-contact';

const PAGE = 50;
const SORT_OF: Record<string, UserSort> = {
  username: 'USERNAME',
  displayName: 'DISPLAY_NAME',
  role: 'ROLE',
  unit: 'UNIT',
  lastSignInAt: 'LAST_SIGN_IN',
};

/**
 * 账号管理: people of the tenant. The system admin (office admin) imports, creates, edits, 停用, resets
 * passwords and hands out 开通通知; the security admin (三员分立) grants the admin roles, unlocks, resets
 * two-factor and manages the security roles' own accounts.
 */
export default function UsersPage() {
  usePageTitle('账号管理');
  const { viewer } = useViewer();
  const viewerRoles = viewer?.roles ?? [];
  const system = viewerRoles.includes('OFFICE_ADMIN');
  const security = viewerRoles.includes('SECURITY_ADMIN');
  const formViewer = { id: viewer?.id ?? '', roles: viewerRoles };
  const { message } = App.useApp();
  const [search, setSearch] = useState('');
  const [role, setRole] = useState<Role | undefined>();
  const [unitId, setUnitId] = useState<string | undefined>();
  const [neverSignedIn, setNeverSignedIn] = useState(false);
  const [sort, setSort] = useState<{ sort: UserSort; descending: boolean }>({ sort: 'USERNAME', descending: false });
  const [editing, setEditing] = useState<UserRowFragment | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [issued, setIssued] = useState<IssuedAccount[] | null>(null);
  const { data, loading, error, refetch, fetchMore } = useQuery(UsersQuery, {
    variables: {
      filter: { search: search || undefined, role, unitId, neverSignedIn: neverSignedIn || undefined },
      first: PAGE,
      ...sort,
    },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  // The directory and the tenant's settings are the system admin's: the security admin does without them.
  const units = useQuery(UnitsQuery, { variables: { filter: { active: true } }, skip: !system });
  const uncovered = useQuery(UnitsQuery, {
    variables: { filter: { active: true, without: 'UNIT_LIAISON' } },
    skip: !system,
  });
  const tenant = useQuery(TenantCodeQuery, { skip: !system });
  const tenantCode = tenant.data?.tenant.code;
  const unitOptions = useMemo(
    () => (units.data?.units ?? []).map((u) => ({ id: u.id, name: u.name, aliases: u.aliases })),
    [units.data],
  );
  const refetchQueries = ['Users', ...UNIT_LISTS];
  const [createUser, { loading: creating }] = useMutation(CreateUserMutation, {
    refetchQueries,
    context: { quiet: true },
  });
  const [updateUser, { loading: updating }] = useMutation(UpdateUserMutation, { context: { quiet: true } });
  const [toggleUser] = useMutation(UpdateUserMutation, { refetchQueries });
  const [resetPassword] = useMutation(ResetPasswordMutation, { refetchQueries: ['Users'] });
  const [resetTwoFactor] = useMutation(ResetTwoFactorMutation, { refetchQueries: ['Users'] });
  const [unlockUser] = useMutation(UnlockUserMutation, { refetchQueries: ['Users'] });
  const [createLiaisons, { loading: creatingLiaisons }] = useMutation(CreateMissingLiaisonsMutation, {
    refetchQueries,
  });
  const conn = data?.users;
  const rows = conn?.nodes ?? [];
  const missing = uncovered.data?.units.length ?? 0;
  if (viewer && !system && !security)
    return <Alert type="info" showIcon title="账号管理由系统管理员和安全管理员负责。" style={{ margin: 16 }} />;

  const issue = (
    u: { id: string; username: string; displayName: string; role: Role; unit?: { name: string } | null },
    password: string,
  ) =>
    setIssued([
      {
        userId: u.id,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        unitName: u.unit?.name ?? null,
        password,
      },
    ]);
  // Errors are thrown to the form, which shows them at the field they concern.
  const save = async (v: UserFormValues) => {
    if (editing === 'new') {
      const { data: res } = await createUser({
        variables: {
          input: {
            username: v.username,
            displayName: v.displayName,
            role: v.role,
            securityAdmin: v.role === 'OFFICE_ADMIN' ? v.securityAdmin : undefined,
            unitId: v.unitId,
            email: v.email,
            phone: v.phone,
            wecomUserid: v.wecomUserid,
            dingtalkUserid: v.dingtalkUserid,
            password: v.password,
          },
        },
      });
      message.success(`已新增账号：${v.username}`);
      if (res?.createUser.generatedPassword) issue(res.createUser.user, res.createUser.generatedPassword);
    } else if (editing) {
      const securityAdmin = v.role === 'OFFICE_ADMIN' ? v.securityAdmin : undefined;
      await updateUser({
        variables: {
          id: editing.id,
          version: editing.version,
          // The security admin grants roles only; the person's details stay the system admin's.
          input: managesAccount(formViewer, editing)
            ? {
                displayName: v.displayName,
                role: v.role,
                securityAdmin,
                unitId: v.unitId,
                email: v.email ?? '',
                phone: v.phone ?? '',
                wecomUserid: v.wecomUserid ?? '',
                dingtalkUserid: v.dingtalkUserid ?? '',
              }
            : { role: v.role, securityAdmin },
        },
      });
      message.success('已保存');
    }
    setEditing(null);
  };
  const toggle = async (u: UserRowFragment) => {
    try {
      await toggleUser({ variables: { id: u.id, version: u.version, input: { active: !u.active } } });
      message.success(u.active ? `已停用：${u.username}` : `已启用：${u.username}`);
    } catch {
      // shown by the link
    }
  };
  const reset = async (u: UserRowFragment) => {
    try {
      const { data: res } = await resetPassword({ variables: { userId: u.id } });
      if (res) issue(u, res.resetPassword);
    } catch {
      // shown by the link
    }
  };
  const openAll = async () => {
    try {
      // Only the units the admin was shown: one added meanwhile waits for the next decision.
      const { data: res } = await createLiaisons({
        variables: { unitIds: (uncovered.data?.units ?? []).map((u) => u.id) },
      });
      if (res) setIssued(res.createMissingLiaisons);
    } catch {
      // shown by the link
    }
  };
  const sortOrder = (key: string) => (SORT_OF[key] === sort.sort ? (sort.descending ? 'descend' : 'ascend') : null);

  return (
    <>
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          账号管理
        </Typography.Title>
        {system && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入账号
            </Button>
            <DownloadButton href="/accounts/export.xlsx" filename="账号列表.xlsx">
              导出
            </DownloadButton>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增账号
            </Button>
          </Space>
        )}
      </Space>
      {security && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="三员分立：系统管理员、安全管理员、安全审计员角色只能由安全管理员授予或撤销；安全审计员不能兼任其他角色，任何人不能修改自己的角色。"
        />
      )}
      {system && missing > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`${missing} 个单位还没有联络员账号，这些单位看不到自己的任务。`}
          action={
            <Popconfirm
              title={`为 ${missing} 个单位各开通一个联络员账号？`}
              description="账号名按单位名称生成，姓名为“单位名称联络员”，可在开通后修改；初始密码只显示一次，请下载开通通知。"
              okText="开通"
              cancelText="取消"
              onConfirm={() => void openAll()}
            >
              <Button size="small" icon={<TeamOutlined />} loading={creatingLiaisons}>
                为无联络员的单位开通账号
              </Button>
            </Popconfirm>
          }
        />
      )}
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="搜索账号"
          placeholder="用户名、姓名、完整手机号/邮箱或单位"
          allowClear
          style={{ width: 260 }}
          onSearch={(v) => setSearch(v.trim())}
        />
        <Select
          aria-label="角色筛选"
          allowClear
          placeholder="全部角色"
          style={{ width: 170 }}
          value={role}
          onChange={setRole}
          options={(Object.keys(ROLE_LABELS) as Role[]).map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <Select
          aria-label="单位筛选"
          allowClear
          placeholder="全部单位"
          style={{ width: 220 }}
          value={unitId}
          onChange={setUnitId}
          showSearch={{ filterOption: (input, option) => unitMatches(option?.search ?? '', input) }}
          options={unitOptions.map((u) => ({ value: u.id, label: u.name, search: [u.name, ...u.aliases].join(' ') }))}
        />
        <Checkbox checked={neverSignedIn} onChange={(e) => setNeverSignedIn(e.target.checked)}>
          只看从未登录
        </Checkbox>
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
          scroll={{ x: 1200 }}
          onChange={(_p, _f, sorter) => {
            const s = sorter as SorterResult<UserRowFragment>;
            const key = String(s.columnKey ?? '');
            setSort(
              s.order && SORT_OF[key]
                ? { sort: SORT_OF[key], descending: s.order === 'descend' }
                : { sort: 'USERNAME', descending: false },
            );
          }}
          locale={{
            emptyText: (
              <Empty
                description={
                  search || role || unitId || neverSignedIn
                    ? '没有符合条件的账号。'
                    : '还没有账号。点击“导入账号”或“新增账号”为各单位开通账号。'
                }
              />
            ),
          }}
          columns={[
            {
              title: '用户名',
              dataIndex: 'username',
              key: 'username',
              width: 150,
              sorter: true,
              sortOrder: sortOrder('username'),
            },
            {
              title: '姓名',
              dataIndex: 'displayName',
              key: 'displayName',
              width: 120,
              sorter: true,
              sortOrder: sortOrder('displayName'),
            },
            {
              title: '角色',
              dataIndex: 'role',
              key: 'role',
              width: 170,
              sorter: true,
              sortOrder: sortOrder('role'),
              render: (_r: Role, u) => rolesLabel(u.roles),
            },
            {
              title: '所属单位',
              key: 'unit',
              sorter: true,
              sortOrder: sortOrder('unit'),
              render: (_, u) => u.unit?.name ?? (UNIT_ROLES.includes(u.role) ? '—' : ''),
            },
            {
              title: '手机',
              dataIndex: 'phone',
              width: 130,
              render: (v: string | null) => <MaskedContact kind="phone" value={v} />,
            },
            {
              title: '最近登录',
              dataIndex: 'lastSignInAt',
              key: 'lastSignInAt',
              width: 150,
              sorter: true,
              sortOrder: sortOrder('lastSignInAt'),
              render: (v: string | null) =>
                v ? dayjs(v).format('YYYY-MM-DD HH:mm') : <Tag color="orange">从未登录</Tag>,
            },
            {
              title: '状态',
              key: 'status',
              width: 150,
              render: (_, u) => (
                <Space size={4} wrap>
                  {u.active ? <Tag color="green">启用</Tag> : <Tag>已停用</Tag>}
                  {u.locked && <Tag color="red">已锁定</Tag>}
                  {u.mustChangePassword && <Tag color="gold">待改密码</Tag>}
                  {u.twoFactorEnabled && <Tag color="blue">两步验证</Tag>}
                </Space>
              ),
            },
            {
              title: '操作',
              key: 'op',
              width: 300,
              fixed: 'right',
              render: (_, u) => {
                const self = u.id === viewer?.id;
                const manages = accountManagerRefusal(viewerRoles, u.roles) === null;
                return (
                  <Space size={0} wrap>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => setEditing(u)}
                      // The name starts with what is shown (WCAG 2.5.3), then whose account it is.
                      aria-label={`${manages ? '编辑' : '角色'} ${u.username}`}
                    >
                      {manages ? '编辑' : '角色'}
                    </Button>
                    {security && u.locked && (
                      <Popconfirm
                        title={`解锁 ${u.username}？`}
                        description="该账号因多次输错密码被锁定；解锁后可立即用原密码登录。"
                        okText="解锁"
                        cancelText="取消"
                        onConfirm={() =>
                          void unlockUser({ variables: { userId: u.id } })
                            .then(() => message.success(`已解锁 ${u.username}`))
                            .catch(() => undefined)
                        }
                      >
                        <Button type="link" size="small" aria-label={`解锁 ${u.username}`}>
                          解锁
                        </Button>
                      </Popconfirm>
                    )}
                    {manages && (
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
                    )}
                    {security && !self && u.twoFactorEnabled && (
                      <Popconfirm
                        title={`重置 ${u.username} 的两步验证？`}
                        description="用于手机丢失或更换：该账号立即退出，下次登录时重新绑定身份验证器。"
                        okText="重置"
                        cancelText="取消"
                        onConfirm={() =>
                          void resetTwoFactor({ variables: { userId: u.id } })
                            .then(() => message.success(`已重置 ${u.username} 的两步验证`))
                            .catch(() => undefined)
                        }
                      >
                        <Button type="link" size="small" aria-label={`重置两步验证 ${u.username}`}>
                          重置两步验证
                        </Button>
                      </Popconfirm>
                    )}
                    {manages && !self && (
                      <Popconfirm
                        title={u.active ? `停用 ${u.username}？` : `启用 ${u.username}？`}
                        description={u.active ? '停用后该账号立即退出并不能再登录。' : undefined}
                        okText={u.active ? '停用' : '启用'}
                        okButtonProps={{ danger: u.active }}
                        cancelText="取消"
                        onConfirm={() => void toggle(u)}
                      >
                        <Button
                          type="link"
                          size="small"
                          danger={u.active}
                          aria-label={`${u.active ? '停用' : '启用'} ${u.username}`}
                        >
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
                  onClick={() => void fetchMore({ variables: { after: conn.pageInfo.endCursor } })}
                >
                  加载更多
                </Button>
              )}
            </Space>
          )}
        />
      )}
      <UserFormModal
        open={editing !== null}
        user={editing === 'new' ? null : editing}
        viewer={formViewer}
        units={unitOptions}
        saving={creating || updating}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
      <ImportAccountsModal
        open={importing}
        tenantCode={tenantCode}
        onClose={(changed) => {
          setImporting(false);
          if (changed) void refetch();
        }}
      />
      <OneTimePasswordModal accounts={issued} tenantCode={tenantCode} onClose={() => setIssued(null)} />
    </>
  );
}
