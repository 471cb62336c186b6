import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { DownloadError, fetchDownload, saveBlob } from '../utils/download';

export interface DownloadButtonProps {
  /** e.g. exportHref('ledger.xlsx', { planId }) */
  href: string;
  /** Used when the server sends no file name. */
  filename: string;
  children: ReactNode;
  disabled?: boolean;
  type?: ButtonProps['type'];
  size?: ButtonProps['size'];
  /** Why the button is disabled (shown as its title). */
  disabledReason?: string;
  /** For a download made by a POST (e.g. a form with what to put in the file); default a GET. */
  request?: () => RequestInit;
  icon?: ReactNode;
}

/** Downloads an export with the session cookie; a refusal from the server shows its Chinese message. */
export function DownloadButton({
  href,
  filename,
  children,
  disabled,
  type,
  size,
  disabledReason,
  request,
  icon,
}: DownloadButtonProps) {
  const { message } = App.useApp();
  const [loading, setLoading] = useState(false);
  const download = async () => {
    setLoading(true);
    try {
      const file = await fetchDownload(href, filename, request?.());
      saveBlob(file.blob, file.filename);
      message.success(`已下载：${file.filename}`);
    } catch (error) {
      message.error(error instanceof DownloadError ? error.message : '导出失败，请稍后重试', 5);
    } finally {
      setLoading(false);
    }
  };
  return (
    <Button
      icon={icon ?? <DownloadOutlined />}
      type={type}
      size={size}
      loading={loading}
      disabled={disabled}
      title={disabled ? disabledReason : undefined}
      onClick={() => void download()}
      data-href={href}
    >
      {children}
    </Button>
  );
}
