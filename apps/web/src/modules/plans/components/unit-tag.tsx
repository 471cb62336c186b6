import { palette } from '../../../app/theme';
import { CheckCircleFilled, DownOutlined, ExclamationCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Button, Dropdown, Tag, Tooltip } from 'antd';
import { unitTagState, type DraftKeyPointUnit } from '../utils/draft-types';

const ROLE = { LEAD: '牵头', RESPONSIBLE: '责任' } as const;

export interface UnitTagProps {
  value: DraftKeyPointUnit;
  readOnly?: boolean;
  onResolve: (unitId: string) => void;
  onPick: () => void;
  onRemove: () => void;
}

/**
 * A unit named by a key point. Green: mapped to a unit of the directory (the written name shown when it
 * differs). Orange: several units could be meant — pick one. Red: no unit matches — pick from the
 * directory or create it. A unit the document names once for many key points is marked （通用）, its
 * clause shown on hover.
 */
export function UnitTag({ value, readOnly, onResolve, onPick, onRemove }: UnitTagProps) {
  const state = unitTagState(value);
  const role = ROLE[value.role];
  // Named once for many key points (…均为责任单位，以下不再列出): say so, and where.
  const implied = value.impliedFrom ? `通用规定：${value.impliedFrom}` : null;
  if (state === 'resolved') {
    const renamed = value.unit!.name !== value.rawName;
    const tip = [renamed ? `原文：${value.rawName}` : null, implied].filter(Boolean).join('；');
    return (
      <Tooltip title={tip || undefined}>
        <Tag
          color={value.role === 'LEAD' ? 'geekblue' : 'green'}
          icon={<CheckCircleFilled />}
          closable={!readOnly}
          onClose={(e) => {
            e.preventDefault();
            onRemove();
          }}
          closeIcon={readOnly ? undefined : <span aria-label={`移除${value.unit!.name}`}>×</span>}
          data-state={state}
        >
          {role}·{value.unit!.name}
          {implied && <span data-implied="true">（通用）</span>}
        </Tag>
      </Tooltip>
    );
  }
  const label = state === 'ambiguous' ? `待确认：${value.rawName}` : `未识别：${value.rawName}`;
  const items = [
    ...value.candidates.map((c) => ({ key: c.unit.id, label: `${c.unit.name}（相似度 ${Math.round(c.score * 100)}%）` })),
    ...(value.candidates.length ? [{ type: 'divider' as const }] : []),
    { key: '__pick', label: '从单位名录选择或新建单位…' },
    { key: '__remove', label: '删除此单位名称', danger: true },
  ];
  return (
    <Dropdown
      disabled={readOnly}
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === '__pick') onPick();
          else if (key === '__remove') onRemove();
          else onResolve(key);
        },
      }}
    >
      <Button
        size="small"
        data-state={state}
        icon={state === 'ambiguous' ? <QuestionCircleFilled /> : <ExclamationCircleFilled />}
        style={{
          color: state === 'ambiguous' ? palette.gold : palette.red,
          borderColor: state === 'ambiguous' ? '#ffd591' : '#ffa39e',
          background: state === 'ambiguous' ? '#fff7e6' : '#fff1f0',
          marginInlineEnd: 8,
          marginBottom: 4,
        }}
      >
        {role}·{label}
        {implied && <span data-implied="true" title={implied}>（通用）</span>} <DownOutlined />
      </Button>
    </Dropdown>
  );
}
