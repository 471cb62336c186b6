import { useMutation, useQuery } from '@apollo/client/react';
import { App, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { UpdateTenantSettingsInput } from '../../generated/graphql';
import { useViewer } from '../../modules/auth/hooks/use-viewer';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { TenantLinksPanel } from '../../modules/levels/components/tenant-links-panel';
import { DeliveryLog } from '../../modules/messaging/components/delivery-log';
import { MessageChannelsForm } from '../../modules/messaging/components/message-channels-form';
import { RobotSettings } from '../../modules/messaging/components/robot-settings';
import { PublicPageSettings } from '../../modules/public-page/components/public-page-settings';
import { BackupStatusCard } from '../../modules/settings/components/backup-status-card';
import { LeaderlessUnits } from '../../modules/settings/components/leaderless-units';
import { LightRecomputeNote } from '../../modules/settings/components/light-recompute-note';
import { SsoSettingsForm } from '../../modules/settings/components/sso-settings-form';
import { TenantSettingsForm } from '../../modules/settings/components/tenant-settings-form';
import { TenantSettingsQuery } from '../../modules/settings/graphql/tenant-settings.query';
import { UpdateTenantSettingsMutation } from '../../modules/settings/graphql/update-tenant-settings.mutation';

/** 系统设置 for the tenant: supervision rules; for the office admin also message channels and robots; the 发送记录. */
export default function SettingsPage() {
  usePageTitle('系统设置');
  const { viewer } = useViewer();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const { data, loading, error, refetch } = useQuery(TenantSettingsQuery, { fetchPolicy: 'cache-and-network' });
  const [update, { loading: saving }] = useMutation(UpdateTenantSettingsMutation, { refetchQueries: ['Units'] });
  const [saves, setSaves] = useState(0);
  if (loading && !data) return <PageLoading rows={10} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const tenant = data.tenant;
  const admin = viewer?.role === 'OFFICE_ADMIN';
  const save = async (input: UpdateTenantSettingsInput) => {
    try {
      await update({ variables: { input, version: tenant.version } });
      message.success('设置已保存');
      setSaves((n) => n + 1);
    } catch {
      // shown by the link
    }
  };
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        系统设置
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {tenant.name}（机构代码 {tenant.code}）
      </Typography.Paragraph>
      <Tabs
        activeKey={params.get('tab') ?? 'rules'}
        onChange={(tab) => setParams(tab === 'rules' ? {} : { tab })}
        items={[
          {
            key: 'rules',
            label: '督办规则',
            children: (
              <>
                <LightRecomputeNote after={saves} />
                <LeaderlessUnits
                  leaderApproval={tenant.settings.leaderApproval}
                  editable={viewer?.role === 'OFFICE_ADMIN' || viewer?.role === 'OFFICE_STAFF'}
                />
                <TenantSettingsForm
                  key={tenant.version}
                  settings={tenant.settings}
                  editable={admin}
                  saving={saving}
                  onSave={(i) => void save(i)}
                />
              </>
            ),
          },
          ...(admin || viewer?.role === 'OFFICE_STAFF'
            ? [
                {
                  key: 'public',
                  label: '政务公开页面',
                  children: (
                    <PublicPageSettings
                      key={tenant.version}
                      settings={tenant.settings}
                      tenantName={tenant.name}
                      admin={admin}
                      saving={saving}
                      onSave={(i) => void save(i)}
                    />
                  ),
                },
              ]
            : []),
          ...(admin
            ? [
                { key: 'channels', label: '消息渠道', children: <MessageChannelsForm /> },
                { key: 'robots', label: '群机器人', children: <RobotSettings /> },
                { key: 'sso', label: '统一身份认证', children: <SsoSettingsForm /> },
                { key: 'backup', label: '数据备份', children: <BackupStatusCard /> },
              ]
            : []),
          { key: 'deliveries', label: '发送记录', children: <DeliveryLog /> },
          { key: 'levels', label: '上下级联动', children: <TenantLinksPanel editable={admin} /> },
        ]}
      />
    </>
  );
}
