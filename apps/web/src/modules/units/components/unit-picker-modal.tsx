import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Divider, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { UnitKind } from '../../../generated/graphql';
import { errorMessage } from '../../common/utils/app-errors';
import { CreateUnitMutation } from '../graphql/create-unit.mutation';
import { UnitsQuery } from '../graphql/units.query';

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  DEPARTMENT: '部门',
  CITY_GOV: '市政府',
  COUNTY_GOV: '县区政府',
  AGENCY: '派驻机构',
  TOWN: '乡镇街道',
  OFFICE: '办公厅',
  OTHER: '其他',
};

type Role = 'LEAD' | 'RESPONSIBLE';

export interface UnitPickerModalProps {
  open: boolean;
  /** The name as written in the document, when resolving one; null when adding a unit. */
  rawName: string | null;
  role: Role;
  onPick: (unitId: string, role: Role) => Promise<void> | void;
  onCancel: () => void;
}

/** Pick the unit a name means from the directory, or create it there when it is missing. */
export function UnitPickerModal({ open, rawName, role: initialRole, onPick, onCancel }: UnitPickerModalProps) {
  const { data, loading, error } = useQuery(UnitsQuery, { variables: { filter: { active: true } }, skip: !open });
  const [createUnit, { loading: creating }] = useMutation(CreateUnitMutation, { context: { quiet: true }, refetchQueries: [UnitsQuery] });
  const [mode, setMode] = useState<'pick' | 'create'>('pick');
  const [unitId, setUnitId] = useState<string | undefined>();
  const [role, setRole] = useState<Role>(initialRole);
  const [name, setName] = useState(rawName ?? '');
  const [kind, setKind] = useState<UnitKind>('DEPARTMENT');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) {
      setMode('pick');
      setUnitId(undefined);
      setRole(initialRole);
      setName(rawName ?? '');
      setProblem(null);
    }
  }, [open, rawName, initialRole]);

  const ok = async () => {
    setProblem(null);
    setSaving(true);
    try {
      if (mode === 'pick') {
        if (!unitId) return setProblem('请选择单位');
        await onPick(unitId, role);
      } else {
        if (!name.trim()) return setProblem('请填写单位名称');
        const aliases = rawName && rawName.trim() !== name.trim() ? [rawName.trim()] : [];
        const { data: created } = await createUnit({ variables: { input: { name: name.trim(), kind, aliases } } });
        await onPick(created!.createUnit.id, role);
      }
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={rawName ? `对应单位：${rawName}` : '添加承办单位'}
      okText={mode === 'pick' ? '确定' : '新建并使用'}
      cancelText="取消"
      onOk={() => void ok()}
      onCancel={onCancel}
      confirmLoading={saving || creating}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label="角色">
          <Radio.Group value={role} onChange={(e) => setRole(e.target.value)} optionType="button">
            <Radio value="LEAD">牵头单位</Radio>
            <Radio value="RESPONSIBLE">责任单位</Radio>
          </Radio.Group>
        </Form.Item>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} style={{ marginBottom: 12 }}>
          <Radio value="pick">从单位名录选择</Radio>
          <Radio value="create">名录中没有，新建单位</Radio>
        </Radio.Group>
        {mode === 'pick' ? (
          <Form.Item label="单位" required>
            {error ? (
              <Alert type="error" title={errorMessage(error)} />
            ) : (
              <Select
                aria-label="单位"
                showSearch={{
                  filterOption: (input, option) => String(option?.label ?? '').includes(input) || String(option?.title ?? '').includes(input),
                }}
                loading={loading}
                placeholder="输入名称或简称搜索"
                value={unitId}
                onChange={setUnitId}
                options={(data?.units ?? []).map((u) => ({ value: u.id, label: u.name, title: u.aliases.join('、') }))}
                autoFocus
              />
            )}
          </Form.Item>
        ) : (
          <>
            <Form.Item label="单位名称" required>
              <Input aria-label="单位名称" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} />
            </Form.Item>
            <Form.Item label="类型" required>
              <Select aria-label="类型" value={kind} onChange={setKind} options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
            </Form.Item>
            {rawName && rawName !== name && (
              <Typography.Text type="secondary">“{rawName}”将作为该单位的别名，以后导入时自动识别。</Typography.Text>
            )}
          </>
        )}
        {problem && (
          <>
            <Divider style={{ margin: '12px 0' }} />
            <Alert type="error" showIcon title={problem} role="alert" />
          </>
        )}
      </Form>
    </Modal>
  );
}
