import { FileAddOutlined, InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Radio, Space, Tabs, Typography, Upload } from 'antd';
import type { GetRef } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useActionKey } from '../../modules/common/hooks/use-action-key';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { describeError, errorMessage } from '../../modules/common/utils/app-errors';
import { CreatePlanModal } from '../../modules/plans/components/create-plan-modal';
import {
  DuplicatePlanAlert,
  duplicateOf,
  type DuplicateFound,
} from '../../modules/plans/components/duplicate-plan-alert';
import { PlanWizardSteps } from '../../modules/plans/components/plan-wizard-steps';
import {
  IMPORT_ACCEPT,
  importPlanSource,
  MAX_IMPORT_BYTES,
  planImportChoices,
  type PlanChoice,
  type PlanSource,
} from '../../modules/plans/utils/import-plan-source';

type Mode = 'file' | 'text';

/**
 * Step 1 of the import wizard: a .docx/.pdf/.txt or pasted text becomes a draft plan, whatever the
 * parser finds in it. A notice that issues several plans (政务管理服务工作要点 and 政务公开工作要点) is
 * refused until the office picks one. The year is asked for when the document has none; a document
 * imported before is pointed to rather than imported twice; an empty plan can be started here too.
 */
export default function PlanImportPage() {
  usePageTitle('导入工作要点');
  const navigate = useNavigate();
  const [mode, setMode] = useState<Mode>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const [yearError, setYearError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<PlanChoice[] | null>(null);
  const [picked, setPicked] = useState<number | null>(null);
  const [duplicate, setDuplicate] = useState<DuplicateFound | null>(null);
  const [creating, setCreating] = useState(false);
  const yearRef = useRef<GetRef<typeof InputNumber>>(null);
  const [loading, setLoading] = useState(false);

  // Retrying an import that got no answer must not import twice; a new document is a new import.
  const importKey = useActionKey();
  // A new document or text asks again which plan to take.
  const forgetChoice = () => {
    importKey.renew();
    setChoices(null);
    setPicked(null);
  };

  const submit = async (allowDuplicate = false) => {
    setError(null);
    setYearError(null);
    setDuplicate(null);
    let source: PlanSource;
    if (mode === 'file') {
      if (!file) return setError('请选择要导入的文档');
      if (file.size > MAX_IMPORT_BYTES) return setError('文档不能超过 10 MB');
      source = { file };
    } else {
      if (!text.trim()) return setError('请粘贴工作要点的全文');
      source = { text };
    }
    if (choices && picked === null) return setError('请选择要导入的计划');
    setLoading(true);
    try {
      const plan = await importPlanSource(source, year, choices ? picked : null, allowDuplicate, importKey.get());
      navigate(`/plans/${plan.id}`);
    } catch (e) {
      const problem = describeError(e);
      // Several plans in one notice: list them for the office to pick one.
      if (problem.field === 'planIndex' && !choices) {
        try {
          setChoices(await planImportChoices(source, year));
          return setError(null);
        } catch (again) {
          return setError(errorMessage(again));
        }
      }
      const found = duplicateOf(problem);
      if (found) return setDuplicate(found);
      if (problem.field === 'year') {
        setYearError(problem.message);
        yearRef.current?.focus();
      } else setError(problem.message);
    } finally {
      setLoading(false);
    }
  };

  return (
    <>
      <Space align="baseline" style={{ justifyContent: 'space-between', width: '100%', maxWidth: 880 }}>
        <Typography.Title level={3}>导入工作要点</Typography.Title>
        <Button icon={<FileAddOutlined />} onClick={() => setCreating(true)}>
          新建空白计划
        </Button>
      </Space>
      <PlanWizardSteps current={0} />
      <Card style={{ maxWidth: 880 }}>
        <Tabs
          activeKey={mode}
          onChange={(key) => setMode(key as Mode)}
          items={[
            {
              key: 'file',
              label: '上传文档',
              children: (
                <Upload.Dragger
                  accept={IMPORT_ACCEPT}
                  maxCount={1}
                  beforeUpload={(f) => {
                    setFile(f);
                    setError(null);
                    forgetChoice();
                    setDuplicate(null);
                    return false;
                  }}
                  onRemove={() => {
                    setFile(null);
                    forgetChoice();
                  }}
                  fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">点击或拖拽文档到此处</p>
                  <p className="ant-upload-hint">支持 Word（.docx）、PDF、纯文本（.txt），不超过 10 MB</p>
                </Upload.Dragger>
              ),
            },
            {
              key: 'text',
              label: '粘贴文本',
              children: (
                <Input.TextArea
                  aria-label="工作要点全文"
                  rows={14}
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value);
                    forgetChoice();
                  }}
                  placeholder={
                    '把工作要点全文粘贴到这里，例如：\n一、围绕……加强信息公开\n（一）……（牵头单位：省发展改革委；责任单位：各市政府）'
                  }
                />
              ),
            },
          ]}
        />
        <Form layout="inline" style={{ marginTop: 16 }}>
          <Form.Item
            label="年度"
            validateStatus={yearError ? 'error' : undefined}
            help={yearError ?? undefined}
            extra={yearError ? undefined : '文档中没有写明年度时填写'}
            required={!!yearError}
          >
            <InputNumber
              ref={yearRef}
              aria-label="年度"
              min={2000}
              max={2100}
              precision={0}
              value={year}
              onChange={(v) => {
                setYear(v);
                setYearError(null);
              }}
              placeholder="自动识别"
            />
          </Form.Item>
        </Form>
        {choices && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title={`这份通知印发了 ${choices.length} 个计划，请选择要导入的一个（其余的可以再次导入）`}
            description={
              <Radio.Group
                aria-label="选择要导入的计划"
                value={picked}
                onChange={(e) => setPicked(e.target.value as number)}
              >
                <Space orientation="vertical">
                  {choices.map((c) => (
                    <Radio key={c.index} value={c.index}>
                      《{c.title ?? '未命名计划'}》{c.year ? `（${c.year}年）` : ''}：{c.keyPoints} 项工作要点
                      {c.impliedUnits > 0 ? `，${c.impliedUnits} 个承办单位来自通用规定` : ''}
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            }
          />
        )}
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 16 }} />}
        {duplicate && (
          <DuplicatePlanAlert
            found={duplicate}
            insistText="仍然导入为新草稿"
            busy={loading}
            onInsist={() => void submit(true)}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          没有识别出的要点，可以在下一步对照原文，选中一行或一句设为要点；也可以新建空白计划，逐条添加。
        </Typography.Paragraph>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" onClick={() => void submit()} loading={loading}>
            {loading ? '正在解析…' : choices ? '导入所选计划' : '解析并生成草稿'}
          </Button>
          <Button onClick={() => navigate('/plans')}>返回列表</Button>
        </Space>
      </Card>
      <CreatePlanModal open={creating} onCancel={() => setCreating(false)} />
    </>
  );
}
