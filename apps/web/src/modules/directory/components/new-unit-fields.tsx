import { Form, Input, Select, Typography } from 'antd';
import type { UnitKind } from '../../../generated/graphql';
import { UNIT_KIND_LABELS } from '../utils/unit-kinds';

export interface NewUnit {
  name: string;
  kind: UnitKind;
}

/** Name and kind of a unit to create in the directory; the name as written becomes its alias. */
export function NewUnitFields({
  value,
  onChange,
  rawName,
}: {
  value: NewUnit;
  onChange: (v: NewUnit) => void;
  rawName: string | null;
}) {
  return (
    <>
      <Form.Item label="单位名称" required>
        <Input
          aria-label="单位名称"
          value={value.name}
          onChange={(e) => onChange({ ...value, name: e.target.value })}
          maxLength={100}
        />
      </Form.Item>
      <Form.Item label="类型" required>
        <Select
          aria-label="类型"
          value={value.kind}
          onChange={(kind) => onChange({ ...value, kind })}
          options={Object.entries(UNIT_KIND_LABELS).map(([v, label]) => ({ value: v, label }))}
        />
      </Form.Item>
      {rawName && rawName.trim() !== value.name.trim() && (
        <Typography.Text type="secondary">“{rawName}”将作为该单位的别名，以后导入时自动识别。</Typography.Text>
      )}
    </>
  );
}
