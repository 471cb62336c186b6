import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Modal, Radio, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import type { DirectoryUnitFragment } from '../../../generated/graphql';
import { unitMatches } from './user-form-modal';
import { DeactivateUnitMutation } from '../graphql/deactivate-unit.mutation';
import { UnitUsageQuery } from '../graphql/unit-usage.query';
import { UNIT_LISTS, type UnitOption } from '../utils/unit-lists';

/**
 * 停用 a unit, saying first what it still has (people who can sign in, open tasks) and offering to hand
 * its open tasks to another unit (a merger or a renamed body).
 */
export function DeactivateUnitModal({
  unit,
  units,
  onClose,
}: {
  unit: DirectoryUnitFragment | null;
  units: UnitOption[];
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const { data, loading } = useQuery(UnitUsageQuery, {
    variables: { id: unit?.id ?? '' },
    skip: !unit,
    fetchPolicy: 'network-only',
  });
  const [deactivate, { loading: saving }] = useMutation(DeactivateUnitMutation, { refetchQueries: UNIT_LISTS });
  const [mode, setMode] = useState<'keep' | 'move'>('keep');
  const [target, setTarget] = useState<string | undefined>();
  const usage = data?.unit.usage;
  const submit = async () => {
    if (!unit || !data) return;
    try {
      const { data: res } = await deactivate({
        variables: { id: unit.id, version: data.unit.version, moveOpenTasksTo: mode === 'move' ? target : null },
      });
      const r = res?.deactivateUnit;
      message.success(
        r && r.movedTasks
          ? `已停用：${unit.name}，移交 ${r.movedTasks} 项任务${r.keptTasks ? `（${r.keptTasks} 项因接收单位已有同一要点的任务而保留）` : ''}`
          : `已停用：${unit.name}`,
      );
      onClose();
    } catch {
      // shown by the link
    }
  };
  return (
    <Modal
      open={!!unit}
      title={unit ? `停用 ${unit.name}` : ''}
      okText="停用"
      okButtonProps={{ danger: true, disabled: !usage || (mode === 'move' && !target), loading: saving }}
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {loading || !usage ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>
            停用后该单位保留历史记录，但不再分配新任务。
          </Typography.Paragraph>
          <Alert
            type={usage.activePeople || usage.openTasks ? 'warning' : 'info'}
            showIcon
            title={`该单位有 ${usage.activePeople} 个启用的账号、${usage.openTasks} 项未完成的任务。`}
            description={usage.activePeople ? '账号不会随单位停用，如需停用请到账号管理。' : undefined}
          />
          {usage.openTasks > 0 && (
            <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} aria-label="未完成任务">
              <Space direction="vertical">
                <Radio value="keep">任务留在本单位</Radio>
                <Radio value="move">移交给另一个单位</Radio>
              </Space>
            </Radio.Group>
          )}
          {mode === 'move' && (
            <Select
              aria-label="接收任务的单位"
              style={{ width: '100%' }}
              placeholder="选择接收任务的单位（可输入名称或别名）"
              value={target}
              onChange={setTarget}
              showSearch={{ filterOption: (input, option) => unitMatches(option?.search ?? '', input) }}
              options={units
                .filter((u) => u.active && u.id !== unit?.id)
                .map((u) => ({ value: u.id, label: u.name, search: [u.name, ...u.aliases].join(' ') }))}
            />
          )}
        </Space>
      )}
    </Modal>
  );
}
