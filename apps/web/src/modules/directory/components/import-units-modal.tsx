import { useApolloClient } from '@apollo/client/react';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../common/utils/app-errors';
import { DownloadButton } from '../../exports';
import { importUnitsFile, type ImportUnitsFile } from '../utils/import-units';
import { ImportPreview, type UnitImportResultData } from './import-preview';
import { UNIT_LISTS } from '../utils/unit-lists';

const MAX_BYTES = 1024 * 1024;

/** Bulk import: choose an .xlsx/.csv, see the dry run per row, then confirm to write all rows. */
export function ImportUnitsModal({
  open,
  onClose,
  importFile = importUnitsFile,
}: {
  open: boolean;
  onClose: () => void;
  importFile?: ImportUnitsFile;
}) {
  const { message } = App.useApp();
  const apollo = useApolloClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<UnitImportResultData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [deactivateMissing, setDeactivateMissing] = useState(false);
  const [loading, setLoading] = useState(false);

  const reset = () => {
    setFile(null);
    setResult(null);
    setProblem(null);
    setDeactivateMissing(false);
  };
  const close = () => {
    reset();
    onClose();
  };
  const run = async (chosen: File, dryRun: boolean) => {
    setProblem(null);
    setLoading(true);
    try {
      const imported = await importFile(chosen, { dryRun, deactivateMissing });
      setResult(imported);
      if (!dryRun) {
        message.success(
          `已导入：新增 ${imported.created}，更新 ${imported.updated}${imported.deactivated ? `，停用 ${imported.deactivated}` : ''}`,
        );
        await apollo.refetchQueries({ include: UNIT_LISTS });
      }
    } catch (error) {
      // A refusal stays in the dialog beside the file instead of a toast that disappears.
      setProblem(errorMessage(error));
    } finally {
      setLoading(false);
    }
  };
  const choose = async (f: File) => {
    setFile(f);
    setResult(null);
    if (!/\.(xlsx|csv|txt)$/i.test(f.name)) {
      setProblem(
        /\.xls$/i.test(f.name)
          ? '不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入'
          : '请选择 .xlsx、.csv 或 Unicode 文本（.txt）文件',
      );
      return false;
    }
    if (f.size > MAX_BYTES) {
      setProblem('文件不能超过 1 MB');
      return false;
    }
    await run(f, true);
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
              <Button
                type="primary"
                disabled={!file || !result || result.errors > 0}
                loading={loading && !!result}
                onClick={() => file && void run(file, false)}
              >
                确认导入
              </Button>
            </>
          )}
        </Space>
      }
    >
      {!file ? (
        <>
          <Upload.Dragger
            accept=".xlsx,.csv,.txt"
            showUploadList={false}
            beforeUpload={(f) => choose(f)}
            aria-label="选择导入文件"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖入 .xlsx / .csv 文件</p>
            <p className="ant-upload-hint">
              列：单位名称、类型、上级单位、别名、排序、状态（导出的名录还有 ID 列）。表头上方可有标题行。类型可写
              省直部门、州政府、市（州）政府、中直驻省单位 等。先检查，不会直接写入。
            </p>
          </Upload.Dragger>
          <Space style={{ marginTop: 12 }}>
            <DownloadButton href="/units/template.xlsx" filename="单位名录导入模板.xlsx" size="small">
              下载导入模板
            </DownloadButton>
            <DownloadButton href="/units/export.xlsx" filename="单位名录.xlsx" size="small">
              导出现有名录（含 ID，改后可再导入）
            </DownloadButton>
          </Space>
        </>
      ) : (
        <>
          <Typography.Paragraph>
            文件：<Typography.Text strong>{file.name}</Typography.Text>
          </Typography.Paragraph>
          {problem && (
            <Alert
              type="error"
              showIcon
              role="alert"
              style={{ marginBottom: 12 }}
              title={problem}
              description="请修改文件后点击“重新选择”。"
            />
          )}
          {loading && !result ? (
            <Typography.Text type="secondary">正在检查…</Typography.Text>
          ) : (
            result && <ImportPreview result={result} />
          )}
          {result?.dryRun && result.missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 12 }}
              title={`名录中有 ${result.missing.length} 个启用的单位不在文件中`}
              description={
                <>
                  <Typography.Paragraph
                    style={{ marginBottom: 4 }}
                    ellipsis={{ rows: 3, expandable: true, symbol: '展开' }}
                  >
                    {result.missing.map((m) => m.name).join('、')}
                  </Typography.Paragraph>
                  <Checkbox checked={deactivateMissing} onChange={(e) => setDeactivateMissing(e.target.checked)}>
                    导入时停用这 {result.missing.length} 个单位（保留历史记录）
                  </Checkbox>
                </>
              }
            />
          )}
        </>
      )}
    </Modal>
  );
}
