import { Alert, Divider, Form, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import { useSubmit } from '../../common/hooks/use-submit';
import { useCreateUnit } from '../hooks/use-create-unit';
import { NewUnitFields, type NewUnit } from './new-unit-fields';
import { UnitSelect } from './unit-select';

type Role = 'LEAD' | 'RESPONSIBLE';

export interface UnitPickerModalProps {
  open: boolean;
  role: Role;
  onPick: (unitId: string, role: Role) => Promise<void> | void;
  onCancel: () => void;
}

/** Adds a unit to a key point: picked from the directory, or created there when it is missing. */
export function UnitPickerModal({ open, role: initialRole, onPick, onCancel }: UnitPickerModalProps) {
  const { create, creating } = useCreateUnit();
  const [mode, setMode] = useState<'pick' | 'create'>('pick');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [role, setRole] = useState<Role>(initialRole);
  const [unit, setUnit] = useState<NewUnit>({ name: '', kind: 'DEPARTMENT' });
  const { submit, saving, problem, setProblem } = useSubmit();

  useEffect(() => {
    if (open) {
      setMode('pick');
      setUnitIds([]);
      setRole(initialRole);
      setUnit({ name: '', kind: 'DEPARTMENT' });
      setProblem(null);
    }
  }, [open, initialRole]);

  const ok = () =>
    submit(async () => {
      if (mode === 'pick') {
        if (!unitIds.length) return setProblem('请选择单位');
        await onPick(unitIds[0], role);
      } else {
        if (!unit.name.trim()) return setProblem('请填写单位名称');
        await onPick(await create(unit, null), role);
      }
    });

  return (
    <Modal
      open={open}
      title="添加承办单位"
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
            <UnitSelect value={unitIds} onChange={setUnitIds} autoFocus />
          </Form.Item>
        ) : (
          <NewUnitFields value={unit} onChange={setUnit} rawName={null} />
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
