import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, DatePicker, Empty, Flex, Space, Tag, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import { buildTree, type DraftDeadline, type DraftKeyPoint, type DraftKeyPointUnit, type DraftSection, type KeyPointNode } from '../utils/draft-types';
import { UnitTag } from './unit-tag';

export interface PlanDraftTreeActions {
  onSelect: (keyPoint: DraftKeyPoint) => void;
  onResolveUnit: (keyPoint: DraftKeyPoint, unit: DraftKeyPointUnit, unitId: string) => void;
  onPickUnit: (keyPoint: DraftKeyPoint, unit: DraftKeyPointUnit | null) => void;
  onRemoveUnit: (keyPoint: DraftKeyPoint, unit: DraftKeyPointUnit) => void;
  onDueDate: (keyPoint: DraftKeyPoint, date: string | null) => void;
  onDeadlineDate: (keyPoint: DraftKeyPoint, deadline: DraftDeadline, date: string | null) => void;
  onEdit: (keyPoint: DraftKeyPoint) => void;
  /** Published plans: 调整 a key point (units, time limit) with a reason. */
  onAmend?: (keyPoint: DraftKeyPoint) => void;
}

export interface PlanDraftTreeProps extends PlanDraftTreeActions {
  year: number;
  sections: DraftSection[];
  keyPoints: DraftKeyPoint[];
  selectedId?: string | null;
  readOnly?: boolean;
}

const toDay = (value: string | null) => (value ? dayjs(value) : null);
const fromDay = (value: dayjs.Dayjs | null) => (value ? value.format('YYYY-MM-DD') : null);

function KeyPointRow({ node, depth, props }: { node: KeyPointNode; depth: number; props: PlanDraftTreeProps }) {
  const { token } = theme.useToken();
  const kp = node.keyPoint;
  const selected = props.selectedId === kp.id;
  const hasChildren = node.children.length > 0;
  const needsUnits = !hasChildren && kp.units.length === 0;
  return (
    <li role="treeitem" aria-selected={selected} aria-level={depth + 2} aria-label={`${kp.label} ${kp.title}`} style={{ listStyle: 'none' }}>
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
            <Button
              size="small"
              onClick={(e) => {
                e.stopPropagation();
                props.onAmend!(kp);
              }}
              aria-label={`调整要点 ${kp.label}`}
            >
              调整
            </Button>
          )}
          {!props.readOnly && (
            <Button
              size="small"
              type="text"
              icon={<EditOutlined />}
              aria-label={`编辑要点 ${kp.label}`}
              onClick={(e) => {
                e.stopPropagation();
                props.onEdit(kp);
              }}
            />
          )}
        </Flex>
        <div style={{ marginTop: 6 }} onClick={(e) => e.stopPropagation()}>
          {kp.units.map((u) => (
            <UnitTag
              key={u.id}
              value={u}
              readOnly={props.readOnly}
              onResolve={(unitId) => props.onResolveUnit(kp, u, unitId)}
              onPick={() => props.onPickUnit(kp, u)}
              onRemove={() => props.onRemoveUnit(kp, u)}
            />
          ))}
          {needsUnits && <Tag color="error">未指定承办单位</Tag>}
          {!props.readOnly && !hasChildren && (
            <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={() => props.onPickUnit(kp, null)}>
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
                  onChange={(v) => props.onDeadlineDate(kp, d, fromDay(v))}
                />
              </Space>
            ))}
            <Space size={4}>
              <Typography.Text type="secondary">截止日期</Typography.Text>
              <DatePicker
                size="small"
                value={toDay(kp.dueDate)}
                placeholder={`${props.year}-12-31（默认）`}
                disabled={props.readOnly}
                aria-label={`要点 ${kp.label} 截止日期`}
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
  if (!props.keyPoints.length) return <Empty description="没有识别到工作要点，请返回上一步检查文档或粘贴的文本" />;
  return (
    <ul role="tree" aria-label="工作要点" style={{ padding: 0, margin: 0 }}>
      {tree.map(({ section, items }) => (
        <li key={section?.id ?? 'none'} role="treeitem" aria-level={1} aria-expanded aria-label={section ? `${section.label}、${section.title}` : '未分部分的要点'} style={{ listStyle: 'none', marginBottom: 16 }}>
          <Typography.Title level={5} style={{ margin: '8px 0' }}>
            {section ? `${section.label}、${section.title}` : '未分部分的要点'}
          </Typography.Title>
          <ul role="group" style={{ padding: 0, margin: 0 }}>
            {items.map((node) => (
              <KeyPointRow key={node.keyPoint.id} node={node} depth={0} props={props} />
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
