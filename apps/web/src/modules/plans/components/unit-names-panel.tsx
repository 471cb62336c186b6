import { CheckCircleFilled, ExclamationCircleFilled, HistoryOutlined } from '@ant-design/icons';
import { Button, Card, Collapse, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { UNIT_KIND_LABELS } from '../../directory/utils/unit-kinds';
import type { DraftUnitName } from '../utils/draft-types';
import { UnitNameDecisionsModal } from './unit-name-decisions-modal';

/** What a resolved name stands for, in a few words. */
export function resolvedAs(n: DraftUnitName): string {
  if (n.decision?.action === 'KIND' && n.decision.kind)
    return `${UNIT_KIND_LABELS[n.decision.kind]}（${n.units.length} 个单位）`;
  const names = n.units.map((u) => u.name);
  return names.length > 3 ? `${names.slice(0, 3).join('、')} 等 ${names.length} 个单位` : names.join('、');
}

function hint(n: DraftUnitName): string | null {
  if (n.suggestedKind) return `可对应全部“${UNIT_KIND_LABELS[n.suggestedKind]}”`;
  if (n.candidates.length) return `相近：${n.candidates[0].unit.name}（${Math.round(n.candidates[0].score * 100)}%）`;
  return null;
}

function NameRow({
  name,
  readOnly,
  onOpen,
}: {
  name: DraftUnitName;
  readOnly?: boolean;
  onOpen: (n: DraftUnitName) => void;
}) {
  const open = name.unresolvedKeyPoints > 0;
  const tip = open ? hint(name) : null;
  return (
    <Flex
      gap={8}
      align="center"
      wrap
      style={{ padding: '6px 0' }}
      data-testid="unit-name"
      data-name={name.name}
      data-state={open ? 'unresolved' : 'resolved'}
    >
      {open ? (
        <ExclamationCircleFilled style={{ color: '#cf1322' }} />
      ) : (
        <CheckCircleFilled style={{ color: '#389e0d' }} />
      )}
      <Typography.Text strong>{name.name}</Typography.Text>
      <Typography.Text type="secondary">{name.keyPoints} 项要点</Typography.Text>
      {open ? tip && <Tag>{tip}</Tag> : <Typography.Text>→ {resolvedAs(name)}</Typography.Text>}
      {name.decision && <Tag color="blue">已记住</Tag>}
      {!readOnly && (
        <Button
          size="small"
          type={open ? 'primary' : 'default'}
          style={{ marginLeft: 'auto' }}
          onClick={() => onOpen(name)}
          aria-label={`${open ? '确认' : '修改'}单位名称 ${name.name}`}
        >
          {open ? '确认单位' : '修改'}
        </Button>
      )}
    </Flex>
  );
}

/**
 * The draft's unit names, each once however often it is written: those still to decide first (they
 * block publishing), the decided ones folded away.
 */
export function UnitNamesPanel({
  names,
  readOnly,
  onOpen,
}: {
  names: DraftUnitName[];
  readOnly?: boolean;
  onOpen: (n: DraftUnitName) => void;
}) {
  const [decisionsOpen, setDecisionsOpen] = useState(false);
  const open = names.filter((n) => n.unresolvedKeyPoints > 0);
  const done = names.filter((n) => n.unresolvedKeyPoints === 0);
  const places = open.reduce((sum, n) => sum + n.unresolvedKeyPoints, 0);
  return (
    <Card
      size="small"
      title={
        <span>
          单位名称{' '}
          {open.length ? <Tag color="error">待确认 {open.length} 个</Tag> : <Tag color="success">已全部对应</Tag>}
        </span>
      }
      extra={
        <Button size="small" type="link" icon={<HistoryOutlined />} onClick={() => setDecisionsOpen(true)}>
          已记住的对应
        </Button>
      }
      style={{ marginBottom: 16 }}
      data-testid="unit-names-panel"
    >
      {open.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
          {open.length} 个名称未对应到单位名录（出现在 {places} 项要点中）。每个名称确认一次，即用于全部要点。
        </Typography.Paragraph>
      )}
      {open.map((n) => (
        <NameRow key={n.name} name={n} readOnly={readOnly} onOpen={onOpen} />
      ))}
      {done.length > 0 && (
        <Collapse
          ghost
          size="small"
          items={[
            {
              key: 'done',
              label: `已对应的名称 ${done.length} 个`,
              children: done.map((n) => <NameRow key={n.name} name={n} readOnly={readOnly} onOpen={onOpen} />),
            },
          ]}
        />
      )}
      <UnitNameDecisionsModal open={decisionsOpen} onClose={() => setDecisionsOpen(false)} />
    </Card>
  );
}
