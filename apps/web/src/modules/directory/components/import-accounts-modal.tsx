import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ROLE_LABELS } from '../../auth/utils/roles';
import { DownloadButton } from '../../exports';
import { importAccounts, type AccountImportResult, type AccountImportRow } from '../utils/accounts-api';
import { AccountNotices } from './account-notices';

const MAX_BYTES = 1024 * 1024;
const ACTIONS: Record<AccountImportRow['action'], [string, string]> = {
  CREATE: ['新增', 'green'],
  EXISTS: ['已有，跳过', 'default'],
  ERROR: ['错误', 'red'],
};

/**
 * 导入账号: choose the sheet, see every row checked (unit by name or alias, role, username), then
 * import all or none; the result offers the 开通通知. Problems stay in the dialog beside the file.
 */
export function ImportAccountsModal({
  open,
  tenantCode,
  onClose,
}: {
  open: boolean;
  tenantCode?: string;
  onClose: (changed: boolean) => void;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<AccountImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const done = result && !result.dryRun;
  const run = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      setResult(await importAccounts(chosen, dryRun));
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const choose = (f: File) => {
    setResult(null);
    setFile(f);
    if (!/\.(xlsx|csv|txt)$/i.test(f.name)) setProblem('请选择 .xlsx、.csv 或 Unicode 文本（.txt）文件');
    else if (f.size > MAX_BYTES) setProblem('文件不能超过 1 MB');
    else void run(f, true);
    return false;
  };
  const reset = () => {
    setFile(null);
    setResult(null);
    setProblem(null);
  };
  const close = () => {
    const changed = !!done;
    reset();
    onClose(changed);
  };
  const rows = result
    ? [...result.rows].sort((a, b) => Number(b.action === 'ERROR') - Number(a.action === 'ERROR') || a.row - b.row)
    : [];
  return (
    <Modal
      open={open}
      title="导入账号"
      width={900}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: !done }}
      footer={
        done ? (
          <Button type="primary" onClick={close}>
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            {file && <Button onClick={reset}>重新选择</Button>}
            <Button
              type="primary"
              disabled={!file || !result || result.errors > 0 || result.created === 0}
              loading={busy && !!result}
              onClick={() => file && void run(file, false)}
            >
              确认导入
            </Button>
          </Space>
        )
      }
    >
      {!file ? (
        <>
          <Upload.Dragger
            accept=".xlsx,.csv,.txt"
            showUploadList={false}
            beforeUpload={choose}
            aria-label="选择账号表格"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入账号表格（.xlsx / .csv）</p>
            <p className="ant-upload-hint">
              列：单位（名称或别名）、姓名、角色、手机、邮箱、用户名（可不填，按姓名拼音生成），以及可选的企业微信账号、钉钉userid（用于消息提醒）。先检查，不会直接写入。
            </p>
          </Upload.Dragger>
          <div style={{ marginTop: 12 }}>
            <DownloadButton href="/accounts/template.xlsx" filename="账号导入模板.xlsx" size="small">
              下载账号导入模板
            </DownloadButton>
          </div>
        </>
      ) : (
        <>
          <Typography.Paragraph>
            文件：<Typography.Text strong>{file.name}</Typography.Text>
          </Typography.Paragraph>
          {problem && <Alert type="error" showIcon role="alert" style={{ marginBottom: 12 }} title={problem} />}
          {busy && !result && <Typography.Text type="secondary">正在检查…</Typography.Text>}
          {done ? (
            <AccountNotices accounts={result.accounts} tenantCode={tenantCode} />
          ) : (
            result && (
              <>
                {result.errors > 0 ? (
                  <Alert
                    type="error"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={`有 ${result.errors} 行错误，整个文件不会导入`}
                    description="请按提示修改表格后重新选择文件。"
                  />
                ) : (
                  <Alert
                    type="info"
                    showIcon
                    style={{ marginBottom: 12 }}
                    title={`检查通过：将开通 ${result.created} 个账号${result.exists ? `，${result.exists} 人已有账号将跳过` : ''}。`}
                  />
                )}
                <Table<AccountImportRow>
                  rowKey="row"
                  size="small"
                  dataSource={rows}
                  pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
                  scroll={{ y: 360 }}
                  aria-label="账号检查结果"
                  columns={[
                    { title: '行号', dataIndex: 'row', width: 60 },
                    { title: '单位', dataIndex: 'unitName', render: (v: string | null) => v ?? '' },
                    { title: '姓名', dataIndex: 'displayName', width: 100 },
                    {
                      title: '角色',
                      dataIndex: 'role',
                      width: 90,
                      render: (r: AccountImportRow['role']) => (r ? ROLE_LABELS[r] : ''),
                    },
                    { title: '用户名', dataIndex: 'username', width: 140, render: (v: string | null) => v ?? '' },
                    {
                      title: '结果',
                      dataIndex: 'action',
                      width: 100,
                      render: (a: AccountImportRow['action']) => <Tag color={ACTIONS[a][1]}>{ACTIONS[a][0]}</Tag>,
                    },
                    { title: '说明', dataIndex: 'message', render: (m: string | null) => m ?? '' },
                  ]}
                />
              </>
            )
          )}
        </>
      )}
    </Modal>
  );
}
