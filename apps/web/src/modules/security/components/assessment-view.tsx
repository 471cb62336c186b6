import { useQuery } from '@apollo/client/react';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { ControlStatus, SecurityAssessmentQuery as Result } from '../../../generated/graphql';
import { PageLoading } from '../../common/components/page-loading';
import { QueryError } from '../../common/components/query-error';
import { DownloadButton, exportHref } from '../../exports';
import { SecurityAssessmentQuery } from '../graphql/security-assessment.query';

type Control = Result['securityAssessment']['controls'][number];

export const STATUS_TAGS: Record<ControlStatus, { color: string; label: string }> = {
  MET: { color: 'success', label: '符合' },
  NOT_MET: { color: 'error', label: '不符合' },
  ADVISORY: { color: 'warning', label: '提示' },
};

/**
 * 等保测评视图 (security admin): each level-3 control this application provides, how this tenant has
 * it now (read on the server from the real settings, accounts, audit chain, secrets and backup), and
 * where the assessor sees the evidence. What is off or weaker than level 3 expects is red, with why.
 */
export function AssessmentView() {
  const { data, loading, error, refetch } = useQuery(SecurityAssessmentQuery, { fetchPolicy: 'network-only' });
  if (loading && !data) return <PageLoading rows={8} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const { controls, checkedAt } = data.securityAssessment;
  const count = (s: ControlStatus) => controls.filter((c) => c.status === s).length;
  const failing = count('NOT_MET');
  return (
    <Card
      title="等保测评视图（GB/T 22239-2019 第三级）"
      extra={
        <Space>
          <Button onClick={() => void refetch()} loading={loading}>
            重新检查
          </Button>
          <DownloadButton href={exportHref('assessment.xlsx', {})} filename="等保测评视图.xlsx">
            导出 Excel
          </DownloadButton>
        </Space>
      }
    >
      <Alert
        type={failing ? 'error' : 'success'}
        showIcon
        data-testid="assessment-summary"
        style={{ marginBottom: 16 }}
        title={
          failing
            ? `${failing} 项不符合三级要求，${count('MET')} 项符合${count('ADVISORY') ? `，${count('ADVISORY')} 项提示` : ''}`
            : `各项均符合三级要求${count('ADVISORY') ? `（${count('ADVISORY')} 项提示）` : ''}`
        }
        description={`按本机构当前配置和状态检查于 ${dayjs(checkedAt).format('YYYY-MM-DD HH:mm')}；审计记录链当场重新校验。`}
      />
      <Table<Control>
        rowKey="key"
        size="middle"
        pagination={false}
        dataSource={controls}
        scroll={{ x: 900 }}
        onRow={(c) => ({ 'data-testid': `control-${c.key}`, 'data-status': c.status }) as object}
        columns={[
          { title: '类别', dataIndex: 'category', width: 130 },
          { title: '控制项', dataIndex: 'name', width: 190 },
          {
            title: '本机构当前配置',
            dataIndex: 'setting',
            render: (setting: string, c) => (
              <>
                <div>{setting}</div>
                {c.why && (
                  <Typography.Text type={c.status === 'NOT_MET' ? 'danger' : 'warning'}>{c.why}</Typography.Text>
                )}
              </>
            ),
          },
          { title: '证据位置', dataIndex: 'evidence', width: 230 },
          {
            title: '结论',
            dataIndex: 'status',
            width: 90,
            render: (s: ControlStatus) => <Tag color={STATUS_TAGS[s].color}>{STATUS_TAGS[s].label}</Tag>,
          },
        ]}
      />
    </Card>
  );
}
