import { useQuery } from '@apollo/client/react';
import { Alert, Form, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useSubmit } from '../../common/hooks/use-submit';
import { NewUnitFields, type NewUnit } from '../../directory/components/new-unit-fields';
import { UnitSelect } from '../../directory/components/unit-select';
import { UnitsQuery } from '../../directory/graphql/units.query';
import { useCreateUnit } from '../../directory/hooks/use-create-unit';
import { UNIT_KIND_LABELS } from '../../directory/utils/unit-kinds';
import type { DraftUnitName, UnitKind } from '../utils/draft-types';

export type UnitNameAction = 'UNITS' | 'KIND' | 'DROP';
export interface UnitNameResolution {
  action: UnitNameAction;
  unitIds?: string[];
  kind?: UnitKind;
}

type Mode = UnitNameAction | 'NEW';

/** The choice a name starts with: its kind for a collective name, else its current units or closest match. */
export function initialChoice(name: DraftUnitName): { mode: Mode; unitIds: string[]; kind: UnitKind | null } {
  if (name.decision?.action === 'KIND' && name.decision.kind)
    return { mode: 'KIND', unitIds: [], kind: name.decision.kind };
  if (name.units.length && !name.unresolvedKeyPoints)
    return { mode: 'UNITS', unitIds: name.units.map((u) => u.id), kind: name.suggestedKind };
  if (name.suggestedKind) return { mode: 'KIND', unitIds: [], kind: name.suggestedKind };
  return { mode: 'UNITS', unitIds: name.candidates.slice(0, 1).map((c) => c.unit.id), kind: null };
}

const preview = (names: string[]) =>
  names.length > 8 ? `${names.slice(0, 8).join('、')} 等 ${names.length} 个单位` : names.join('、');

export interface UnitNameModalProps {
  name: DraftUnitName | null;
  onResolve: (resolution: UnitNameResolution) => Promise<void>;
  onCancel: () => void;
}

/**
 * One decision for a unit name on every key point of the draft that writes it: one or several units,
 * every unit of a kind (省直有关部门 → the departments), or drop the name. The decision is remembered
 * for the next import.
 */
export function UnitNameModal({ name, onResolve, onCancel }: UnitNameModalProps) {
  const { data } = useQuery(UnitsQuery, { variables: { filter: { active: true } }, skip: !name });
  const { create, creating } = useCreateUnit();
  const [mode, setMode] = useState<Mode>('UNITS');
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [kind, setKind] = useState<UnitKind | null>(null);
  const [unit, setUnit] = useState<NewUnit>({ name: '', kind: 'DEPARTMENT' });
  const { submit, saving, problem, setProblem } = useSubmit();

  useEffect(() => {
    if (!name) return;
    const start = initialChoice(name);
    setMode(start.mode);
    setUnitIds(start.unitIds);
    setKind(start.kind);
    setUnit({ name: name.name, kind: name.suggestedKind ?? 'DEPARTMENT' });
    setProblem(null);
  }, [name]);

  const byKind = useMemo(() => {
    const map = new Map<UnitKind, string[]>();
    for (const u of data?.units ?? []) map.set(u.kind as UnitKind, [...(map.get(u.kind as UnitKind) ?? []), u.name]);
    return map;
  }, [data]);

  const ready =
    mode === 'DROP' ||
    (mode === 'KIND' && !!kind) ||
    (mode === 'UNITS' && unitIds.length > 0) ||
    (mode === 'NEW' && !!unit.name.trim());

  const ok = () =>
    submit(async () => {
      if (mode === 'KIND') {
        if (!kind) return setProblem('请选择单位类型');
        await onResolve({ action: 'KIND', kind });
      } else if (mode === 'UNITS') {
        if (!unitIds.length) return setProblem('请至少选择一个单位');
        await onResolve({ action: 'UNITS', unitIds });
      } else if (mode === 'NEW') {
        if (!unit.name.trim()) return setProblem('请填写单位名称');
        await onResolve({ action: 'UNITS', unitIds: [await create(unit, name!.name)] });
      } else {
        await onResolve({ action: 'DROP' });
      }
    });

  return (
    <Modal
      open={!!name}
      title={name ? `单位名称：${name.name}` : ''}
      okText={mode === 'DROP' ? '略去此名称' : mode === 'NEW' ? '新建并对应' : '确定'}
      okButtonProps={{ danger: mode === 'DROP' }}
      cancelText="取消"
      onOk={() => void ok()}
      onCancel={onCancel}
      confirmLoading={saving || creating}
      destroyOnHidden
      width={640}
    >
      {name && (
        // data-ready: a choice is made (browser tests accept the preselected one or drop the name).
        <Form layout="vertical" data-testid="unit-name-form" data-ready={String(ready)}>
          <Typography.Paragraph type="secondary">
            出现在 {name.keyPoints} 项要点中。这里的决定用于本草稿中所有写有“{name.name}
            ”的要点，并会记住，以后导入时自动对应。
          </Typography.Paragraph>
          <Radio.Group
            value={mode}
            onChange={(e) => setMode(e.target.value)}
            style={{ marginBottom: 12 }}
            aria-label="对应方式"
          >
            <Space orientation="vertical">
              <Radio value="KIND">对应到一类单位（如“省直有关部门”对应全部部门）</Radio>
              <Radio value="UNITS">对应到一个或几个单位</Radio>
              <Radio value="NEW">名录中没有，新建单位</Radio>
              <Radio value="DROP">略去此名称（不是单位，如乱码、网页杂字）</Radio>
            </Space>
          </Radio.Group>
          {mode === 'KIND' && (
            <Form.Item label="单位类型" required extra={kind ? preview(byKind.get(kind) ?? []) : undefined}>
              <Select
                aria-label="单位类型"
                value={kind ?? undefined}
                onChange={setKind}
                options={(Object.keys(UNIT_KIND_LABELS) as UnitKind[]).map((k) => ({
                  value: k,
                  label: `${UNIT_KIND_LABELS[k]}（${byKind.get(k)?.length ?? 0} 个）`,
                  disabled: !byKind.get(k)?.length,
                }))}
              />
            </Form.Item>
          )}
          {mode === 'UNITS' && (
            <Form.Item
              label="单位"
              required
              extra={
                name.candidates.length
                  ? `相近的单位：${name.candidates.map((c) => `${c.unit.name}（相似度 ${Math.round(c.score * 100)}%）`).join('、')}`
                  : undefined
              }
            >
              <UnitSelect value={unitIds} onChange={setUnitIds} multiple autoFocus />
            </Form.Item>
          )}
          {mode === 'NEW' && <NewUnitFields value={unit} onChange={setUnit} rawName={name.name} />}
          {mode === 'DROP' && (
            <Alert type="warning" showIcon title={`这 ${name.keyPoints} 项要点中将不再列出“${name.name}”。`} />
          )}
          {problem && <Alert type="error" showIcon title={problem} role="alert" style={{ marginTop: 12 }} />}
        </Form>
      )}
    </Modal>
  );
}
