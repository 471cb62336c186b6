import { CheckCircleFilled, ExclamationCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Button, Dropdown, Tag, Tooltip } from 'antd';
import { palette } from '../../../app/theme';
import { unitTagState, type DraftKeyPointUnit, type TaskRole } from '../utils/draft-types';

const ROLE = { LEAD: '牵头', RESPONSIBLE: '责任' } as const;

export interface UnitTagProps {
  value: DraftKeyPointUnit;
  readOnly?: boolean;
  /** An unresolved name: decide what it means, once for the whole draft. */
  onResolveName: (rawName: string) => void;
  onSetRole: (role: TaskRole) => void;
  onRemove: () => void;
}

/**
 * A unit named by a key point. Green: mapped to a unit of the directory (the written name shown when it
 * differs; click to change its role here). Orange or red: a name still to decide — one decision serves
 * every key point that writes it. A unit the document names once for many key points is marked （通用）,
 * its clause shown on hover.
 */
export function UnitTag({ value, readOnly, onResolveName, onSetRole, onRemove }: UnitTagProps) {
  const state = unitTagState(value);
  const role = ROLE[value.role];
  // Named once for many key points (…均为责任单位，以下不再列出): say so, and where.
  const implied = value.impliedFrom ? `通用规定：${value.impliedFrom}` : null;
  if (state === 'resolved') {
    const renamed = value.unit!.name !== value.rawName;
    const tip = [renamed ? `原文：${value.rawName}` : null, implied].filter(Boolean).join('；');
    const other: TaskRole = value.role === 'LEAD' ? 'RESPONSIBLE' : 'LEAD';
    const tag = (
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
        style={{ cursor: readOnly ? undefined : 'pointer' }}
      >
        {role}·{value.unit!.name}
        {implied && <span data-implied="true">（通用）</span>}
      </Tag>
    );
    return (
      <Tooltip title={tip || undefined}>
        {readOnly ? (
          tag
        ) : (
          <Dropdown
            trigger={['click']}
            menu={{ items: [{ key: other, label: `改为${ROLE[other]}单位` }], onClick: () => onSetRole(other) }}
          >
            {tag}
          </Dropdown>
        )}
      </Tooltip>
    );
  }
  const label = state === 'ambiguous' ? `待确认：${value.rawName}` : `未识别：${value.rawName}`;
  return (
    <Button
      size="small"
      disabled={readOnly}
      data-state={state}
      onClick={() => onResolveName(value.rawName)}
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
      {implied && (
        <span data-implied="true" title={implied}>
          （通用）
        </span>
      )}
    </Button>
  );
}
