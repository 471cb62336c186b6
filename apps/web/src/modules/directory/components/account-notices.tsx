import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Alert, Space, Table, Typography } from 'antd';
import { ROLE_LABELS } from '../../auth/utils/roles';
import { multipartRequest } from '../../uploads/utils/multipart';
import { DownloadButton } from '../../exports';
import { noticeForm, type IssuedAccount } from '../utils/accounts-api';

/**
 * New accounts with their one-time passwords, shown once, and the 开通通知 to hand out: a list (xlsx)
 * and one notice per unit (docx), both with the sign-in address and the 机构代码.
 */
export function AccountNotices({ accounts, tenantCode }: { accounts: IssuedAccount[]; tenantCode?: string }) {
  // Made on request from the accounts just created: the passwords are never stored in clear.
  const request = () => multipartRequest(noticeForm(accounts));
  if (!accounts.length) return null;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 12 }}
        title={`已开通 ${accounts.length} 个账号。初始密码只显示这一次，请现在下载开通通知。`}
        description={
          <>
            登录地址：<Typography.Text copyable>{`${window.location.origin}/login`}</Typography.Text>
            {tenantCode && (
              <>
                ，机构代码：
                <Typography.Text strong copyable>
                  {tenantCode}
                </Typography.Text>
              </>
            )}
            。首次登录后须修改密码。
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <DownloadButton
          type="primary"
          icon={<FileExcelOutlined />}
          href="/accounts/notices.xlsx"
          filename="账号开通通知.xlsx"
          request={request}
        >
          下载开通通知名单（xlsx）
        </DownloadButton>
        <DownloadButton
          icon={<FileWordOutlined />}
          href="/accounts/notices.docx"
          filename="账号开通通知.docx"
          request={request}
        >
          下载分单位开通通知（docx）
        </DownloadButton>
      </Space>
      <Table<IssuedAccount>
        rowKey="userId"
        size="small"
        dataSource={accounts}
        pagination={accounts.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        aria-label="新开通的账号"
        columns={[
          { title: '单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '' },
          { title: '姓名', dataIndex: 'displayName', width: 110 },
          { title: '角色', dataIndex: 'role', width: 100, render: (r: IssuedAccount['role']) => ROLE_LABELS[r] },
          { title: '用户名', dataIndex: 'username', width: 150 },
          {
            title: '初始密码',
            dataIndex: 'password',
            width: 150,
            render: (p: string) => (
              <Typography.Text code copyable={{ text: p, tooltips: ['复制', '已复制'] }}>
                {p}
              </Typography.Text>
            ),
          },
        ]}
      />
    </>
  );
}
