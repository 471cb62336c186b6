import { useQuery } from '@apollo/client/react';
import { Alert, Descriptions, Skeleton } from 'antd';
import { QueryError } from '../../common/components/query-error';
import { BackupStatusQuery } from '../graphql/backup-status.query';

/** How old a backup is, in the words an office uses. */
export function backupAge(hours: number): string {
  if (hours < 1) return '不到 1 小时前';
  if (hours < 48) return `${Math.floor(hours)} 小时前`;
  return `${Math.floor(hours / 24)} 天前`;
}

/** 数据备份: whether the server backs itself up every night, and how old the newest backup is. */
export function BackupStatusCard() {
  const { data, loading, error, refetch } = useQuery(BackupStatusQuery, { fetchPolicy: 'network-only' });
  if (loading && !data) return <Skeleton active />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const s = data.backupStatus;
  const stale = s.ageHours == null || s.ageHours > 48;
  return (
    <>
      {!s.nightly ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="本服务器未开启每晚自动备份：数据库由运维人员另行备份。"
        />
      ) : stale ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            s.ageHours == null
              ? '尚无备份：首次备份将于今晚 02:30 进行。'
              : '最近一次备份已超过两天，请联系运维人员检查。'
          }
        />
      ) : null}
      <Descriptions column={1} bordered size="small">
        <Descriptions.Item label="每晚自动备份">{s.nightly ? '已开启（每天 02:30）' : '未开启'}</Descriptions.Item>
        <Descriptions.Item label="最近一次备份">
          {s.lastBackupAt && s.ageHours != null
            ? `${new Date(s.lastBackupAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })}（${backupAge(s.ageHours)}）`
            : '暂无'}
        </Descriptions.Item>
        {s.nightly ? <Descriptions.Item label="保留份数">最近 {s.keep} 份</Descriptions.Item> : null}
      </Descriptions>
    </>
  );
}
