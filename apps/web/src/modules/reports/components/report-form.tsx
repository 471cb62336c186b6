import { palette } from '../../../app/theme';
import { CameraOutlined, DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Slider,
  Space,
  Upload,
  type UploadFile,
  type UploadProps,
} from 'antd';
import { usePhone } from '../../common/hooks/use-phone';
import { useState } from 'react';
import { describeError, errorMessage } from '../../common/utils/app-errors';
import { formatBytes, uploadFile as defaultUpload, type UploadedFile } from '../utils/upload-file';
import {
  duplicateUrls,
  EVIDENCE_ACCEPT,
  MAX_FILES,
  MAX_TEXT,
  MAX_URLS,
  urlProblem,
  withScheme,
} from '../utils/report-validation';

export interface ReportFormValues {
  text: string;
  progress: number;
  claimsCompletion: boolean;
  evidenceUrls: string[];
  fileIds: string[];
}

interface FormShape {
  text: string;
  progress: number;
  claimsCompletion: boolean;
  urls: string[];
}

/** A report to start from: resubmitting after a return begins with what was sent, not an empty form. */
export interface ReportDraft {
  text: string;
  progress: number;
  claimsCompletion: boolean;
  urls: string[];
  files: UploadedFile[];
}

export interface ReportFormProps {
  /** The task's current progress: the slider starts there. */
  currentProgress?: number;
  initial?: ReportDraft | null;
  submitting?: boolean;
  onSubmit: (values: ReportFormValues) => Promise<void> | void;
  onCancel?: () => void;
  /** Injected in tests; the real one posts to /files with progress. */
  upload?: (file: File, onProgress: (percent: number) => void) => Promise<UploadedFile>;
}

/**
 * 报送进展: what was done, how far (percent), whether the unit claims completion, and evidence — the
 * URLs where the information was published and files. Files upload as soon as they are chosen, with
 * progress; the report can be sent once every upload has finished.
 */
export function ReportForm({
  currentProgress = 0,
  initial,
  submitting,
  onSubmit,
  onCancel,
  upload = defaultUpload,
}: ReportFormProps) {
  const [form] = Form.useForm<FormShape>();
  const [files, setFiles] = useState<UploadFile<UploadedFile>[]>(() =>
    (initial?.files ?? []).map((f) => ({
      uid: f.id,
      name: f.filename,
      status: 'done' as const,
      response: f,
      size: f.sizeBytes,
    })),
  );
  const [formError, setFormError] = useState<string | null>(null);
  const uploading = files.some((f) => f.status === 'uploading');
  const phone = usePhone();
  // The camera and the file picker add to one list of attachments.
  const uploadProps: UploadProps<UploadedFile> = {
    multiple: true,
    fileList: files,
    maxCount: MAX_FILES,
    onChange: ({ fileList }) => setFiles(fileList),
    customRequest: ({ file, onProgress, onSuccess, onError }) => {
      upload(file as File, (percent) => onProgress?.({ percent }))
        .then((uploaded) => onSuccess?.(uploaded))
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : errorMessage(error);
          onError?.(new Error(message));
        });
    },
  };

  const finish = async (values: FormShape) => {
    setFormError(null);
    if (uploading) return setFormError('附件正在上传，请等待上传完成后再提交');
    if (files.some((f) => f.status === 'error')) return setFormError('有附件上传失败，请删除后重新上传');
    const urls = (values.urls ?? []).map(withScheme);
    const dup = duplicateUrls(urls);
    if (dup.length) return setFormError(`网址重复：${dup.join('，')}`);
    try {
      await onSubmit({
        text: values.text.trim(),
        progress: values.progress,
        claimsCompletion: Boolean(values.claimsCompletion),
        evidenceUrls: urls,
        fileIds: files.filter((f) => f.status === 'done' && f.response).map((f) => f.response!.id),
      });
    } catch (error) {
      // The API names the field it refuses: say it there, where the person is looking.
      const { field, message } = describeError(error);
      const name = field === 'evidenceUrls' ? 'urls' : field === 'text' || field === 'progress' ? field : null;
      if (name) form.setFields([{ name, errors: [message] }]);
    }
  };

  const renderItem: UploadProps<UploadedFile>['itemRender'] = (node, file) => (
    <div title={file.error?.message}>
      {node}
      {file.status === 'error' && (
        <div style={{ color: palette.red, fontSize: 12 }}>{file.error?.message ?? '上传失败'}</div>
      )}
      {file.status === 'done' && file.response && (
        <div style={{ color: 'rgba(0, 0, 0, 0.65)', fontSize: 12 }}>{formatBytes(file.response.sizeBytes)}</div>
      )}
    </div>
  );

  return (
    <Form<FormShape>
      form={form}
      layout="vertical"
      onFinish={finish}
      initialValues={
        initial
          ? {
              text: initial.text,
              progress: initial.progress,
              claimsCompletion: initial.claimsCompletion,
              urls: initial.urls,
            }
          : { text: '', progress: currentProgress, claimsCompletion: false, urls: [] }
      }
      onValuesChange={(changed: Partial<FormShape>) => {
        if (changed.claimsCompletion) form.setFieldValue('progress', 100);
      }}
      aria-label="报送进展"
    >
      <Form.Item
        label="工作进展"
        name="text"
        rules={[
          { required: true, whitespace: true, message: '请填写工作进展' },
          { max: MAX_TEXT, message: `工作进展不能超过 ${MAX_TEXT} 字` },
        ]}
      >
        <Input.TextArea
          rows={5}
          showCount
          maxLength={MAX_TEXT}
          placeholder="本期完成了哪些工作、取得了什么成效、下一步安排"
        />
      </Form.Item>

      <Form.Item label="完成进度（%）" required>
        <Space.Compact block>
          <Form.Item name="progress" noStyle>
            <Slider
              min={0}
              max={100}
              step={5}
              style={{ flex: 1, margin: '8px 16px 0 4px' }}
              aria-hidden
              tabIndex={-1}
            />
          </Form.Item>
          <Form.Item
            name="progress"
            noStyle
            dependencies={['claimsCompletion']}
            rules={[
              { required: true, message: '请填写完成进度' },
              ({ getFieldValue }) => ({
                validator: (_, v: number) =>
                  getFieldValue('claimsCompletion') && v !== 100
                    ? Promise.reject(new Error('申报完成时进度应为 100%'))
                    : Promise.resolve(),
              }),
            ]}
          >
            <InputNumber min={0} max={100} precision={0} suffix="%" aria-label="完成进度" style={{ width: 110 }} />
          </Form.Item>
        </Space.Compact>
      </Form.Item>

      <Form.Item name="claimsCompletion" valuePropName="checked">
        <Checkbox>本任务已全部完成，申请办公室审核销号</Checkbox>
      </Form.Item>

      <Form.Item label="佐证网址" extra={`填写信息公开的页面地址，最多 ${MAX_URLS} 个；未写 https:// 的自动补上`}>
        <Form.List name="urls">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                  <Form.Item
                    name={field.name}
                    style={{ flex: 1, marginBottom: 8 }}
                    validateTrigger={['onBlur']}
                    rules={[
                      {
                        validator: (_, v: string) => {
                          const p = urlProblem(withScheme(v ?? ''));
                          return p ? Promise.reject(new Error(p)) : Promise.resolve();
                        },
                      },
                    ]}
                  >
                    <Input
                      placeholder="https://"
                      aria-label={`佐证网址 ${index + 1}`}
                      inputMode="url"
                      onBlur={(e) => {
                        const fixed = withScheme(e.target.value);
                        if (fixed !== e.target.value) form.setFieldValue(['urls', field.name], fixed);
                      }}
                    />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label={`删除佐证网址 ${index + 1}`}
                  />
                </div>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add('')}
                disabled={fields.length >= MAX_URLS}
              >
                添加网址
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>

      <Form.Item label="附件" extra={`PDF、Word、Excel、图片或文本，最多 ${MAX_FILES} 个`}>
        {phone && (
          // The phone's camera, straight to an evidence photo (a notice board, a printed page, a screen).
          <div style={{ marginBottom: 8 }}>
            <Upload<UploadedFile> {...uploadProps} accept="image/*" capture="environment" showUploadList={false}>
              <Button icon={<CameraOutlined />} disabled={files.length >= MAX_FILES}>
                拍照
              </Button>
            </Upload>
          </div>
        )}
        <Upload<UploadedFile> {...uploadProps} accept={EVIDENCE_ACCEPT} itemRender={renderItem}>
          <Button icon={<UploadOutlined />} disabled={files.length >= MAX_FILES}>
            选择文件
          </Button>
        </Upload>
      </Form.Item>

      {formError && <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />}
      <Space orientation={phone ? 'vertical' : 'horizontal'} style={phone ? { width: '100%' } : undefined}>
        <Button type="primary" htmlType="submit" loading={submitting} disabled={uploading} block={phone}>
          {uploading ? '附件上传中…' : '提交报送'}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} block={phone}>
            取消
          </Button>
        )}
      </Space>
    </Form>
  );
}
