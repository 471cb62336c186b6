import { useQuery } from '@apollo/client/react';
import { FileExcelOutlined, FileWordOutlined } from '@ant-design/icons';
import { Card, Col, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { DownloadButton, exportHref } from '../../modules/exports';
import { PlansQuery } from '../../modules/plans/graphql/plans.query';

/** 文档导出: the documents the office hands on — 台账, 考核, 通报 draft, the annual report's section. */
export default function DocumentsPage() {
  usePageTitle('文档导出');
  const plans = useQuery(PlansQuery, { variables: { status: 'PUBLISHED', first: 100 } });
  const nodes = plans.data?.plans.nodes ?? [];
  const years = [...new Set(nodes.map((p) => p.year))].sort((a, b) => b - a);
  const [planId, setPlanId] = useState<string | undefined>();
  const [year, setYear] = useState<number | undefined>();
  const [section, setSection] = useState('');
  const plan = planId ?? nodes[0]?.id;
  const reportYear = year ?? years[0];
  const noPlan = '请先选择工作要点';

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        文档导出
      </Typography.Title>
      {plans.error && <QueryError error={plans.error} onRetry={() => void plans.refetch()} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title="按工作要点" size="small">
            <Form layout="vertical">
              <Form.Item
                label="工作要点"
                extra={!plans.loading && !nodes.length ? '还没有已发布的工作要点，发布后才能导出。' : undefined}
              >
                <Select
                  aria-label="工作要点"
                  loading={plans.loading}
                  value={plan}
                  onChange={setPlanId}
                  options={nodes.map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }))}
                  placeholder="选择已发布的工作要点"
                />
              </Form.Item>
            </Form>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <DocRow
                icon={<FileWordOutlined style={{ color: '#1677ff' }} />}
                title="通报（草稿）"
                desc="点名有逾期或未完成任务的单位，办公室修改后印发。"
              >
                <DownloadButton
                  href={exportHref('tongbao.docx', { planId: plan })}
                  filename="通报.docx"
                  disabled={!plan}
                  disabledReason={noPlan}
                  type="primary"
                >
                  下载通报 (.docx)
                </DownloadButton>
              </DocRow>
              <DocRow
                icon={<FileExcelOutlined style={{ color: '#389e0d' }} />}
                title="任务台账"
                desc="全部任务及进度、灯色、截止日期。"
              >
                <DownloadButton
                  href={exportHref('ledger.xlsx', { planId: plan })}
                  filename="台账.xlsx"
                  disabled={!plan}
                  disabledReason={noPlan}
                >
                  下载台账 (.xlsx)
                </DownloadButton>
              </DocRow>
              <DocRow
                icon={<FileExcelOutlined style={{ color: '#389e0d' }} />}
                title="考核结果"
                desc="各单位得分、排名及各项计数。"
              >
                <DownloadButton
                  href={exportHref('scorecard.xlsx', { planId: plan })}
                  filename="考核结果.xlsx"
                  disabled={!plan}
                  disabledReason={noPlan}
                >
                  下载考核 (.xlsx)
                </DownloadButton>
              </DocRow>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title="按年度" size="small">
            <Form layout="vertical">
              <Space wrap align="start">
                <Form.Item label="年度">
                  <Select
                    aria-label="年度"
                    style={{ width: 140 }}
                    loading={plans.loading}
                    value={reportYear}
                    onChange={setYear}
                    options={years.map((y) => ({ value: y, label: `${y}年` }))}
                    placeholder="选择年度"
                  />
                </Form.Item>
                <Form.Item label="在年度报告中的章节序号" extra="如“七”，不填写时留空待定">
                  <Input
                    aria-label="章节序号"
                    style={{ width: 120 }}
                    maxLength={4}
                    value={section}
                    onChange={(e) => setSection(e.target.value.trim())}
                  />
                </Form.Item>
              </Space>
            </Form>
            <Space orientation="vertical" style={{ width: '100%' }}>
              <DocRow
                icon={<FileWordOutlined style={{ color: '#1677ff' }} />}
                title="年度报告章节"
                desc="政府信息公开工作年度报告中“落实政务公开工作要点情况”一节的草稿。"
              >
                <DownloadButton
                  href={exportHref('annual-report-section.docx', { year: reportYear, section: section || undefined })}
                  filename="年度报告章节.docx"
                  disabled={!reportYear}
                  disabledReason="请先选择年度"
                  type="primary"
                >
                  下载年度报告章节 (.docx)
                </DownloadButton>
              </DocRow>
              <DocRow
                icon={<FileExcelOutlined style={{ color: '#389e0d' }} />}
                title="年度考核结果"
                desc="该年度全部已发布工作要点的考核汇总。"
              >
                <DownloadButton
                  href={exportHref('scorecard.xlsx', { year: reportYear })}
                  filename="考核结果.xlsx"
                  disabled={!reportYear}
                  disabledReason="请先选择年度"
                >
                  下载年度考核 (.xlsx)
                </DownloadButton>
              </DocRow>
            </Space>
          </Card>
        </Col>
      </Row>
    </>
  );
}

function DocRow({
  icon,
  title,
  desc,
  children,
}: {
  icon: React.ReactNode;
  title: string;
  desc: string;
  children: React.ReactNode;
}) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
      <span style={{ fontSize: 24 }}>{icon}</span>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Typography.Text strong>{title}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
          {desc}
        </Typography.Paragraph>
      </div>
      {children}
    </div>
  );
}
