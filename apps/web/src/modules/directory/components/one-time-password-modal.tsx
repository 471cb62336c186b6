import { Modal } from 'antd';
import type { IssuedAccount } from '../utils/accounts-api';
import { AccountNotices } from './account-notices';

/** New accounts (or a reset) with their first passwords, shown once, and the 开通通知 to download. */
export function OneTimePasswordModal({
  accounts,
  tenantCode,
  onClose,
}: {
  accounts: IssuedAccount[] | null;
  tenantCode?: string;
  onClose: () => void;
}) {
  return (
    <Modal
      open={!!accounts}
      title="开通通知"
      width={accounts && accounts.length > 1 ? 860 : 640}
      okText="我已记下"
      onOk={onClose}
      onCancel={onClose}
      cancelButtonProps={{ style: { display: 'none' } }}
      mask={{ closable: false }}
    >
      {accounts && <AccountNotices accounts={accounts} tenantCode={tenantCode} />}
    </Modal>
  );
}
