import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import type { TenantSettingsQuery, UpdateTenantSettingsInput } from '../../../generated/graphql';
import { QueryError } from '../../common/components/query-error';
import { PublicPagePlansQuery } from '../graphql/public-page-plans.query';
import { SetPlanPublicPageMutation } from '../graphql/set-plan-public-page.mutation';

type Settings = TenantSettingsQuery['tenant']['settings'];

/**
 * 政务公开页面: which published plans citizens can read at /gk/…, a preview of exactly what they see,
 * the name at the top of the page and the portal allowed to embed it.
 */
export function PublicPageSettings({
  settings,
  tenantName,
  admin,
  saving,
  onSave,
}: {
  settings: Settings;
  tenantName: string;
  admin: boolean;
  saving?: boolean;
  onSave: (input: UpdateTenantSettingsInput) => void;
}) {
  const { message } = App.useApp();
  const { data, loading, error, refetch } = useQuery(PublicPagePlansQuery, { fetchPolicy: 'cache-and-network' });
  const [setPublic, { loading: switching }] = useMutation(SetPlanPublicPageMutation);
  const [preview, setPreview] = useState<{ id: string; title: string } | null>(null);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const toggle = async (plan: { id: string; version: number }, enabled: boolean) => {
    try {
      await setPublic({ variables: { planId: plan.id, enabled, version: plan.version } });
      message.success(enabled ? '已向公众公开' : '已停止公开');
    } catch {
      // shown by the link
    }
  };
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="公开页面只显示工作要点、牵头和责任单位、完成时限、落实状态、完成时间，以及审核通过且检查可访问的公开链接；报告正文、附件、退回理由、催办、批示、人员姓名和草稿都不会公开。"
      />
      <Card title="公开的工作要点" size="small">
        <Table
          rowKey="id"
          size="small"
          loading={loading && !data}
          pagination={false}
          dataSource={data?.publicPagePlans ?? []}
          locale={{ emptyText: <Empty description="还没有已发布的工作要点" /> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '工作要点', dataIndex: 'title' },
            {
              title: '向公众公开',
              width: 120,
              render: (_, p) => (
                <Switch
                  aria-label={`公开${p.title}`}
                  checked={p.publicPage}
                  loading={switching}
                  onChange={(on) => void toggle(p, on)}
                />
              ),
            },
            {
              title: '公开地址',
              render: (_, p) =>
                p.publicPage ? (
                  <Typography.Link
                    href={p.path}
                    target="_blank"
                    rel="noopener"
                    copyable={{ text: `${window.location.origin}${p.path}` }}
                  >
                    {p.path}
                  </Typography.Link>
                ) : (
                  <Typography.Text type="secondary">未公开</Typography.Text>
                ),
            },
            {
              title: '操作',
              width: 90,
              render: (_, p) => (
                <Button size="small" onClick={() => setPreview({ id: p.id, title: p.title })}>
                  预览
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card title="页面设置" size="small">
        <Form
          layout="vertical"
          disabled={!admin}
          initialValues={{ publicName: settings.publicName, publicFrameAncestors: settings.publicFrameAncestors }}
          onFinish={(v: { publicName: string; publicFrameAncestors: string[] }) =>
            onSave({ publicName: v.publicName ?? '', publicFrameAncestors: v.publicFrameAncestors ?? [] })
          }
        >
          <Form.Item name="publicName" label="页面顶部显示的名称" extra={`留空则显示“${tenantName}”`}>
            <Input maxLength={60} placeholder={tenantName} style={{ maxWidth: 480 }} />
          </Form.Item>
          <Form.Item
            name="publicFrameAncestors"
            label="允许嵌入本页面的网站"
            extra="如 https://www.example.gov.cn（政府门户网站），回车添加；不填则任何网站都不能嵌入"
          >
            <Select
              mode="tags"
              open={false}
              tokenSeparators={[',', ' ']}
              style={{ maxWidth: 480 }}
              aria-label="允许嵌入本页面的网站"
            />
          </Form.Item>
          {admin && (
            <Button type="primary" htmlType="submit" loading={saving}>
              保存
            </Button>
          )}
        </Form>
      </Card>
      <Modal
        open={!!preview}
        title={`预览：${preview?.title ?? ''}`}
        width={1100}
        footer={null}
        onCancel={() => setPreview(null)}
        destroyOnHidden
      >
        {preview && (
          <iframe
            title="公开页面预览"
            src={`/gk-preview/${preview.id}`}
            style={{ width: '100%', height: '70vh', border: 0 }}
          />
        )}
      </Modal>
    </Space>
  );
}
