import { useMutation, useQuery } from '@apollo/client/react';
import { App, Card, Space, Switch, Typography } from 'antd';
import { QueryError } from '../../common/components/query-error';
import { SetUpperShareSettingMutation } from '../graphql/set-upper-share-setting.mutation';
import { UpperShareSettingQuery } from '../graphql/upper-share-setting.query';

/**
 * 向上级共享: what the upper office may see of this office's work beyond dates and states. Off until the
 * office admin turns it on; the upper's 下级落实 follows on its next read.
 */
export function UpperShareCard({ editable }: { editable: boolean }) {
  const { message } = App.useApp();
  const { data, error, refetch } = useQuery(UpperShareSettingQuery, { fetchPolicy: 'cache-and-network' });
  const [save, { loading }] = useMutation(SetUpperShareSettingMutation, { refetchQueries: ['UpperShareSetting'] });
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const setting = data?.upperShareSetting;
  const change = (patch: { shareReportText?: boolean; shareReportFiles?: boolean }) => {
    if (!setting) return;
    const input = { shareReportText: setting.shareReportText, shareReportFiles: setting.shareReportFiles, ...patch };
    void save({ variables: { input, version: setting.version } })
      .then(() => message.success('共享设置已保存'))
      .catch(() => undefined);
  };
  return (
    <Card size="small" title="向上级共享" loading={!setting}>
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        上级机构总能看到对应要点的任务状态、灯色、完成时限、承办单位和最近报送日期；报送正文和附件只在这里开启后才共享（只共享审核通过的最近一次报送）。
      </Typography.Paragraph>
      <Space orientation="vertical">
        <Space>
          <Switch
            aria-label="共享报送正文"
            checked={setting?.shareReportText ?? false}
            disabled={!editable}
            loading={loading}
            onChange={(v) => change({ shareReportText: v })}
          />
          共享报送正文
        </Space>
        <Space>
          <Switch
            aria-label="共享附件"
            checked={setting?.shareReportFiles ?? false}
            disabled={!editable}
            loading={loading}
            onChange={(v) => change({ shareReportFiles: v })}
          />
          共享附件（上级可下载，每次下载记入双方的审计日志）
        </Space>
      </Space>
    </Card>
  );
}
