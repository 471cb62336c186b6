import { CloseOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Flex, Space, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import {
  buildTree,
  sectionHeading,
  type DraftDeadline,
  type DraftKeyPoint,
  type DraftKeyPointUnit,
  type DraftSection,
  type KeyPointNode,
  type TaskRole,
} from '../utils/draft-types';
import { AddTimeLimitButton, type TimeLimitValue } from './time-limit-form';
import { UnitTag } from './unit-tag';

export interface PlanDraftTreeActions {
  onSelect: (keyPoint: DraftKeyPoint) => void;
  /** An unresolved unit name: decide it once for every key point that writes it. */
  onResolveName: (rawName: string) => void;
  onSetRole: (keyPoint: DraftKeyPoint, unit: DraftKeyPointUnit, role: TaskRole) => void;
  onAddUnit: (keyPoint: DraftKeyPoint) => void;
  onRemoveUnit: (keyPoint: DraftKeyPoint, unit: DraftKeyPointUnit) => void;
  onDueDate: (keyPoint: DraftKeyPoint, date: string | null) => void;
  onDeadlineDate: (keyPoint: DraftKeyPoint, deadline: DraftDeadline, date: string | null) => void;
  onAddDeadline: (keyPoint: DraftKeyPoint, value: TimeLimitValue) => Promise<void>;
  onRemoveDeadline: (keyPoint: DraftKeyPoint, deadline: DraftDeadline) => void;
  onEdit: (keyPoint: DraftKeyPoint) => void;
  onDelete: (keyPoint: DraftKeyPoint) => void;
  onAddKeyPoint: (sectionId: string | null) => void;
  onDeleteSection: (section: DraftSection) => void;
  /** Published plans: 调整 a key point (units, time limit) with a reason. */
  onAmend?: (keyPoint: DraftKeyPoint) => void;
}

export interface PlanDraftTreeProps extends PlanDraftTreeActions {
  year: number;
  /** When a key point without a time limit falls due (the tenant's default day of the plan year). */
  defaultDueDate: string;
  sections: DraftSection[];
  keyPoints: DraftKeyPoint[];
  selectedId?: string | null;
  readOnly?: boolean;
  /** Shown when the draft has no key point yet. */
  emptyHint?: ReactNode;
}

const toDay = (value: string | null) => (value ? dayjs(value) : null);
const fromDay = (value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null);
const stop = (action: () => void) => (e: { stopPropagation: () => void }) => {
  e.stopPropagation();
  action();
};

function KeyPointRow({ node, depth, props }: { node: KeyPointNode; depth: number; props: PlanDraftTreeProps }) {
  const { token } = theme.useToken();
  const kp = node.keyPoint;
  const selected = props.selectedId === kp.id;
  const hasChildren = node.children.length > 0;
  const needsUnits = !hasChildren && kp.units.length === 0;
  const name = kp.label ? `${kp.label} ${kp.title}` : kp.title;
  const tag = kp.label || kp.title.slice(0, 12);
  return (
    <li role="treeitem" aria-selected={selected} aria-level={depth + 2} aria-label={name} style={{ listStyle: 'none' }}>
      <div
        onClick={() => props.onSelect(kp)}
        style={{
          padding: '8px 12px',
          marginLeft: depth * 24,
          borderLeft: `3px solid ${selected ? token.colorPrimary : 'transparent'}`,
          background: selected ? token.colorPrimaryBg : undefined,
          borderRadius: 4,
          cursor: 'pointer',
        }}
        data-testid={`key-point-${kp.id}`}
      >
        <Flex gap={8} align="baseline">
          <Typography.Text strong style={{ flex: 'none' }}>
            {kp.label}
          </Typography.Text>
          <Typography.Text style={{ flex: 1 }}>{kp.title}</Typography.Text>
          {props.readOnly && props.onAmend && !hasChildren && (
            <Button size="small" onClick={stop(() => props.onAmend!(kp))} aria-label={`调整要点 ${tag}`}>
              调整
            </Button>
          )}
          {!props.readOnly && (
            <Space size={0}>
              <Button
                size="small"
                type="text"
                icon={<EditOutlined />}
                aria-label={`编辑要点 ${tag}`}
                onClick={stop(() => props.onEdit(kp))}
              />
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`删除要点 ${tag}`}
                onClick={stop(() => props.onDelete(kp))}
              />
            </Space>
          )}
        </Flex>
        <div style={{ marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
          {kp.units.map((u) => (
            <UnitTag
              key={u.id}
              value={u}
              readOnly={props.readOnly}
              onResolveName={props.onResolveName}
              onSetRole={(role) => props.onSetRole(kp, u, role)}
              onRemove={() => props.onRemoveUnit(kp, u)}
            />
          ))}
          {needsUnits && <Tag color="error">未指定承办单位</Tag>}
          {!props.readOnly && !hasChildren && (
            <Button
              size="small"
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => props.onAddUnit(kp)}
              aria-label={`为要点 ${tag} 添加单位`}
            >
              添加单位
            </Button>
          )}
        </div>
        {!hasChildren && (
          <Space size={[12, 4]} wrap style={{ marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
            {kp.deadlines.map((d) => (
              <Space key={d.id} size={4}>
                <Typography.Text type="secondary" title="原文时限">
                  「{d.text}」
                </Typography.Text>
                <DatePicker
                  size="small"
                  value={toDay(d.date)}
                  placeholder={d.date ? undefined : '非固定日期'}
                  disabled={props.readOnly}
                  aria-label={`时限“${d.text}”对应日期`}
                  style={{ width: 132 }}
                  onChange={(v) => props.onDeadlineDate(kp, d, fromDay(v))}
                />
                {!props.readOnly && (
                  <Button
                    size="small"
                    type="text"
                    icon={<CloseOutlined />}
                    aria-label={`删除时限“${d.text}”`}
                    onClick={() => props.onRemoveDeadline(kp, d)}
                  />
                )}
              </Space>
            ))}
            {!props.readOnly && (
              <AddTimeLimitButton
                year={props.year}
                label={`为要点 ${tag} 添加时限`}
                onSubmit={(v) => props.onAddDeadline(kp, v)}
              />
            )}
            <Space size={4}>
              <Typography.Text type="secondary">截止日期</Typography.Text>
              <DatePicker
                size="small"
                value={toDay(kp.dueDate)}
                placeholder={`${props.defaultDueDate}（默认）`}
                disabled={props.readOnly}
                aria-label={`要点 ${tag} 截止日期`}
                // Wide enough for the default date and its note (a narrower box cut the placeholder off).
                style={{ width: 188 }}
                onChange={(v) => props.onDueDate(kp, fromDay(v))}
              />
            </Space>
          </Space>
        )}
      </div>
      {hasChildren && (
        <ul role="group" style={{ padding: 0, margin: 0 }}>
          {node.children.map((child) => (
            <KeyPointRow key={child.keyPoint.id} node={child} depth={depth + 1} props={props} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The parsed plan as a tree (section → key point → sub-item) whose units and time limits can be fixed in place. */
export function PlanDraftTree(props: PlanDraftTreeProps) {
  const tree = buildTree(props.sections, props.keyPoints);
  if (!props.keyPoints.length && !props.sections.length)
    return <Empty description={props.emptyHint ?? '没有工作要点'} />;
  return (
    <ul role="tree" aria-label="工作要点" style={{ padding: 0, margin: 0 }}>
      {tree.map(({ section, items }) => {
        const heading = section ? sectionHeading(section) : '未分部分的要点';
        return (
          <li
            key={section?.id ?? 'none'}
            role="treeitem"
            aria-level={1}
            aria-expanded
            aria-label={heading}
            style={{ listStyle: 'none', marginBottom: 16 }}
          >
            <Flex align="center" gap={8}>
              <Typography.Title level={5} style={{ margin: '8px 0', flex: 1 }}>
                {heading}
              </Typography.Title>
              {!props.readOnly && (
                <>
                  <Button
                    size="small"
                    type="text"
                    icon={<PlusOutlined />}
                    onClick={() => props.onAddKeyPoint(section?.id ?? null)}
                    aria-label={`在“${heading}”中添加要点`}
                  >
                    要点
                  </Button>
                  {section && (
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => props.onDeleteSection(section)}
                      aria-label={`删除部分“${heading}”`}
                    />
                  )}
                </>
              )}
            </Flex>
            {items.length === 0 && <Typography.Text type="secondary">这一部分还没有要点。</Typography.Text>}
            <ul role="group" style={{ padding: 0, margin: 0 }}>
              {items.map((node) => (
                <KeyPointRow key={node.keyPoint.id} node={node} depth={0} props={props} />
              ))}
            </ul>
          </li>
        );
      })}
      {!props.keyPoints.length && props.emptyHint && (
        <li role="none" style={{ listStyle: 'none' }}>
          <Empty description={props.emptyHint} />
        </li>
      )}
    </ul>
  );
}
