import { Alert, Modal, Typography } from 'antd';

/** A generated password, shown once: the admin passes it on; it is never shown again. */
export function OneTimePasswordModal({ value, onClose }: { value: { username: string; password: string } | null; onClose: () => void }) {
  return (
    <Modal open={!!value} title="初始密码" okText="我已记下" onOk={onClose} onCancel={onClose} cancelButtonProps={{ style: { display: 'none' } }} mask={{ closable: false }}>
      {value && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="密码只显示这一次，请立即告知本人。对方首次登录时须修改密码。" />
          <Typography.Paragraph>
            用户名：<Typography.Text strong>{value.username}</Typography.Text>
          </Typography.Paragraph>
          <Typography.Paragraph>
            初始密码：
            <Typography.Text code copyable={{ text: value.password, tooltips: ['复制', '已复制'] }} data-testid="one-time-password" style={{ fontSize: 16 }}>
              {value.password}
            </Typography.Text>
          </Typography.Paragraph>
        </>
      )}
    </Modal>
  );
}
