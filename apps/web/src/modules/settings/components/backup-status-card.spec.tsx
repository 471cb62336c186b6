import { screen } from '@testing-library/react';
import { createMockClient } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { backupAge, BackupStatusCard } from './backup-status-card';

vi.setConfig({ testTimeout: 30_000 });

const status = (nightly: boolean, lastBackupAt: string | null, ageHours: number | null) => ({
  data: { backupStatus: { __typename: 'BackupStatus', nightly, lastBackupAt, ageHours, keep: 7 } },
});

describe('BackupStatusCard', () => {
  it('shows when the newest nightly backup was taken and how long ago', async () => {
    const { client } = createMockClient({ BackupStatus: () => status(true, '2026-11-22T18:30:00.000Z', 7.5) });
    renderWithProviders(client, <BackupStatusCard />);
    expect(await screen.findByText('2026/11/23 02:30:00（7 小时前）')).toBeInTheDocument();
    expect(screen.getByText('已开启（每天 02:30）')).toBeInTheDocument();
    expect(screen.getByText('最近 7 份')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('warns when there is no backup yet, or the newest is older than two days', async () => {
    const { client } = createMockClient({ BackupStatus: () => status(true, null, null) });
    renderWithProviders(client, <BackupStatusCard />);
    expect(await screen.findByText('尚无备份：首次备份将于今晚 02:30 进行。')).toBeInTheDocument();
    expect(backupAge(50)).toBe('2 天前');
    expect(backupAge(0.2)).toBe('不到 1 小时前');
  });

  it('says the operator backs up a server without the nightly backup', async () => {
    const { client } = createMockClient({ BackupStatus: () => status(false, null, null) });
    renderWithProviders(client, <BackupStatusCard />);
    expect(await screen.findByText('本服务器未开启每晚自动备份：数据库由运维人员另行备份。')).toBeInTheDocument();
  });
});
