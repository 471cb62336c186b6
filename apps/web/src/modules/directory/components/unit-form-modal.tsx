import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { DirectoryUnitFragment, UnitKind } from '../../../generated/graphql';
import type { UnitOption } from '../utils/unit-lists';
import { UNIT_KIND_LABELS } from '../utils/unit-kinds';

export interface UnitFormValues {
  name: string;
  kind: UnitKind;
  parentId: string | null;
  aliases: string[];
  sort: number;
}

/** Create or edit a unit of the directory. */
export function UnitFormModal({
  open,
  unit,
  units,
  saving,
  onSave,
  onCancel,
}: {
  open: boolean;
  unit: DirectoryUnitFragment | null;
  units: UnitOption[];
  saving?: boolean;
  onSave: (values: UnitFormValues) => void | Promise<void>;
  onCancel: () => void;
}) {
  return (
    <Modal
      open={open}
      title={unit ? `编辑单位：${unit.name}` : '新增单位'}
      footer={null}
      onCancel={onCancel}
      destroyOnHidden
    >
      {open && (
        <UnitForm
          key={unit?.id ?? 'new'}
          unit={unit}
          units={units}
          saving={saving}
          onSave={onSave}
          onCancel={onCancel}
        />
      )}
    </Modal>
  );
}

function UnitForm({
  unit,
  units,
  saving,
  onSave,
  onCancel,
}: {
  unit: DirectoryUnitFragment | null;
  units: UnitOption[];
  saving?: boolean;
  onSave: (values: UnitFormValues) => void | Promise<void>;
  onCancel: () => void;
}) {
  return (
    <Form<UnitFormValues>
      layout="vertical"
      aria-label={unit ? '编辑单位' : '新增单位'}
      initialValues={
        unit
          ? {
              name: unit.name,
              kind: unit.kind,
              parentId: unit.parentId ?? null,
              aliases: unit.aliases,
              sort: unit.sort,
            }
          : { kind: 'DEPARTMENT', aliases: [], parentId: null }
      }
      onFinish={(v) =>
        void onSave({
          ...v,
          name: v.name.trim(),
          aliases: (v.aliases ?? []).map((a) => a.trim()).filter(Boolean),
          parentId: v.parentId ?? null,
        })
      }
    >
      <Form.Item
        name="name"
        label="单位名称"
        rules={[
          { required: true, whitespace: true, message: '请填写单位名称' },
          { max: 100, message: '不超过 100 字' },
        ]}
      >
        <Input aria-label="单位名称" />
      </Form.Item>
      <Form.Item name="kind" label="类型" rules={[{ required: true, message: '请选择类型' }]}>
        <Select
          aria-label="单位类型"
          options={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item name="parentId" label="上级单位">
        <Select
          aria-label="上级单位"
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={units.filter((u) => u.id !== unit?.id).map((u) => ({ value: u.id, label: u.name }))}
          placeholder="无"
        />
      </Form.Item>
      <Form.Item
        name="aliases"
        label="别名"
        extra="文件中出现的其他写法（如简称），导入工作要点时用于识别单位。输入后按回车。"
      >
        <Select aria-label="别名" mode="tags" open={false} tokenSeparators={[',', '，', '、']} />
      </Form.Item>
      <Form.Item name="sort" label="排序" extra={unit ? '数字小的排在前面' : '数字小的排在前面；不填则排在名录最后'}>
        <InputNumber aria-label="排序" min={0} max={1000000} placeholder={unit ? undefined : '排在最后'} />
      </Form.Item>
      <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
        <Button onClick={onCancel}>取消</Button>
        <Button type="primary" htmlType="submit" loading={saving}>
          保存
        </Button>
      </Space>
    </Form>
  );
}
