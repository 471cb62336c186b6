import { useMutation } from '@apollo/client/react';
import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { readFileAsBase64 } from '../../plans/utils/read-file';
import { ImportUnitsMutation } from '../graphql/import-units.mutation';
import { ImportPreview, type UnitImportResultData } from './import-preview';

const MAX_BYTES = 5 * 1024 * 1024;

/** Bulk import: choose an .xlsx/.csv, see the dry run per row, then confirm to write all rows. */
export function ImportUnitsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [result, setResult] = useState<UnitImportResultData | null>(null);
  const [importUnits, { loading }] = useMutation(ImportUnitsMutation, { refetchQueries: ['DirectoryUnits', 'Units'] });

  const reset = () => {
    setFile(null);
    setResult(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const run = async (chosen: { name: string; base64: string }, dryRun: boolean) => {
    try {
      const { data } = await importUnits({ variables: { input: { filename: chosen.name, contentBase64: chosen.base64, dryRun } } });
      if (!data) return;
      setResult(data.importUnits);
      if (!dryRun) message.success(`已导入：新增 ${data.importUnits.created}，更新 ${data.importUnits.updated}`);
    } catch {
      // shown by the link
    }
  };
  const choose = async (f: File) => {
    if (!/\.(xlsx|csv)$/i.test(f.name)) {
      message.error('请选择 .xlsx 或 .csv 文件');
      return false;
    }
    if (f.size > MAX_BYTES) {
      message.error('文件不能超过 5 MB');
      return false;
    }
    const chosen = { name: f.name, base64: await readFileAsBase64(f) };
    setFile(chosen);
    setResult(null);
    await run(chosen, true);
    return false;
  };

  const done = result && !result.dryRun;
  return (
    <Modal
      open={open}
      title="批量导入单位"
      width={760}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space>
          {done ? (
            <Button type="primary" onClick={close}>
              完成
            </Button>
          ) : (
            <>
              <Button onClick={close}>取消</Button>
              {file && <Button onClick={reset}>重新选择</Button>}
              <Button type="primary" disabled={!file || !result || result.errors > 0} loading={loading && !!result} onClick={() => file && void run(file, false)}>
                确认导入
              </Button>
            </>
          )}
        </Space>
      }
    >
      {!file ? (
        <>
          <Upload.Dragger accept=".xlsx,.csv" showUploadList={false} beforeUpload={(f) => choose(f)} aria-label="选择导入文件">
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入 .xlsx / .csv 文件</p>
            <p className="ant-upload-hint">列：单位名称、类型、上级单位、别名、排序、状态。先检查，不会直接写入。</p>
          </Upload.Dragger>
        </>
      ) : (
        <>
          <Typography.Paragraph>
            文件：<Typography.Text strong>{file.name}</Typography.Text>
          </Typography.Paragraph>
          {loading && !result ? <Typography.Text type="secondary">正在检查…</Typography.Text> : result && <ImportPreview result={result} />}
        </>
      )}
    </Modal>
  );
}
