import { DeleteOutlined, EditOutlined, PlusOutlined, TableOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Col, Collapse, Descriptions, Flex, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { UpperLinksCard } from '../../modules/levels/components/upper-links-card';
import { describeError } from '../../modules/common/utils/app-errors';
import { KeyPointAddModal } from '../../modules/plans/components/key-point-add-modal';
import { KeyPointAmendModal } from '../../modules/plans/components/key-point-amend-modal';
import { KeyPointEditModal } from '../../modules/plans/components/key-point-edit-modal';
import { PlanDraftTree } from '../../modules/plans/components/plan-draft-tree';
import { PlanHeaderModal } from '../../modules/plans/components/plan-header-modal';
import { PlanMilestonesCard } from '../../modules/plans/components/plan-milestones-card';
import { PlanWizardSteps } from '../../modules/plans/components/plan-wizard-steps';
import { PublishPanel } from '../../modules/plans/components/publish-panel';
import { SourceTextPanel } from '../../modules/plans/components/source-text-panel';
import { UnitNameModal } from '../../modules/plans/components/unit-name-modal';
import { UnitNamesPanel } from '../../modules/plans/components/unit-names-panel';
import { AmendKeyPointMutation } from '../../modules/plans/graphql/amend-key-point.mutation';
import { DeletePlanMutation } from '../../modules/plans/graphql/delete-plan.mutation';
import { PlanDraftQuery } from '../../modules/plans/graphql/plan-draft.query';
import { PublishPlanMutation } from '../../modules/plans/graphql/publish-plan.mutation';
import { useDraftWrites } from '../../modules/plans/hooks/use-draft-writes';
import {
  sameUnitName,
  sectionHeading,
  type DraftKeyPoint,
  type DraftUnitName,
} from '../../modules/plans/utils/draft-types';
import { UnitPickerModal } from '../../modules/directory/components/unit-picker-modal';

const STATUS = {
  DRAFT: ['草稿', 'default'],
  PUBLISHED: ['已发布', 'success'],
  ARCHIVED: ['已归档', 'default'],
} as const;

/**
 * One plan at /plans/:id, whatever its status. A draft is steps 2 and 3 of the import wizard: check the
 * parsed text beside its source, mend it, decide unit names, publish. A published (or archived) plan is
 * the same tree read-only, where a key point is changed only by 调整 with a reason.
 */
export default function PlanPage() {
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { data, loading, error, refetch } = useQuery(PlanDraftQuery, { variables: { id: planId } });
  usePageTitle(data?.plan ? data.plan.title : '工作要点');
  const [selected, setSelected] = useState<DraftKeyPoint | null>(null);
  const [adding, setAdding] = useState<DraftKeyPoint | null>(null);
  const [editing, setEditing] = useState<DraftKeyPoint | null>(null);
  const [amending, setAmending] = useState<DraftKeyPoint | null>(null);
  const [newKeyPointIn, setNewKeyPointIn] = useState<string | null | undefined>(undefined);
  const [deciding, setDeciding] = useState<DraftUnitName | null>(null);
  const [headerOpen, setHeaderOpen] = useState(false);
  const writes = useDraftWrites(planId);
  const [amendKeyPoint] = useMutation(AmendKeyPointMutation);
  const [publishPlan, { loading: publishing }] = useMutation(PublishPlanMutation);
  const [deletePlan] = useMutation(DeletePlanMutation);

  const highlight = useMemo(() => (selected ? [selected.title, selected.text] : []), [selected]);
  if (loading && !data) return <PageLoading rows={12} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const plan = data.plan;
  const readOnly = plan.status !== 'DRAFT';
  const preview = plan.publishPreview;

  /** A stale version means someone else changed the draft: reload it (the link has already said so). */
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      return true;
    } catch (e) {
      if (describeError(e).code === 'CONFLICT') await refetch();
      return false;
    }
  };

  const publish = async () => {
    try {
      const { data: done } = await publishPlan({ variables: { id: plan.id, version: plan.version } });
      message.success(`已发布，生成 ${preview.tasksToCreate} 项任务`);
      await refetch();
      if (done) navigate(`/ledger?plan=${plan.id}`);
    } catch (e) {
      if (describeError(e).code === 'CONFLICT') await refetch();
    }
  };

  const confirm = (title: string, content: string, onOk: () => Promise<unknown>) =>
    modal.confirm({ title, content, okText: '删除', okButtonProps: { danger: true }, cancelText: '取消', onOk });

  const remove = () =>
    confirm('删除这份草稿？', '草稿中的要点、单位和时限都将删除，且不能恢复。', async () => {
      await deletePlan({ variables: { id: plan.id, version: plan.version } });
      message.success('草稿已删除');
      navigate('/plans');
    });

  const emptyHint = readOnly ? (
    '没有工作要点'
  ) : (
    <>
      还没有工作要点。在右侧原文中选中漏掉的一句或一行，点“设为要点”；或点
      <Button type="link" size="small" onClick={() => setNewKeyPointIn(plan.sections[0]?.id ?? null)}>
        添加要点
      </Button>
      手动添加。
    </>
  );

  return (
    <>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {plan.title} <Tag color={STATUS[plan.status][1]}>{STATUS[plan.status][0]}</Tag>
        </Typography.Title>
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setHeaderOpen(true)}>
            编辑计划信息
          </Button>
          {readOnly ? (
            <Link to={`/ledger?plan=${plan.id}`}>
              <Button icon={<TableOutlined />}>查看台账</Button>
            </Link>
          ) : (
            <Button danger icon={<DeleteOutlined />} onClick={remove}>
              删除草稿
            </Button>
          )}
        </Space>
      </Space>
      <Descriptions size="small" style={{ margin: '8px 0 16px' }} column={{ xs: 1, md: 3 }}>
        <Descriptions.Item label="年度">{plan.year}</Descriptions.Item>
        <Descriptions.Item label="文号">{plan.docNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="发文机关">{plan.issuer ?? '—'}</Descriptions.Item>
      </Descriptions>
      {!readOnly && (
        <PlanWizardSteps
          current={preview.unresolvedNames || preview.keyPointsWithoutUnits || !preview.keyPoints ? 1 : 2}
        />
      )}
      {plan.parseWarnings.length > 0 && (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'w',
              label: (
                <Typography.Text type="warning">
                  解析提示 {plan.parseWarnings.length} 条：请对照原文核对
                </Typography.Text>
              ),
              children: (
                <ul style={{ margin: 0, paddingLeft: 20 }}>
                  {plan.parseWarnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          {readOnly && (
            <Alert
              type="info"
              showIcon
              title="工作要点已发布，任务已生成。调整承办单位或完成时限请点要点的“调整”，并写明原因。"
              style={{ marginBottom: 12 }}
            />
          )}
          {!readOnly && !plan.keyPoints.length && plan.sourceText && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              title="没有从文件中识别出编号的工作要点"
              description="可以对照右侧原文，选中一行或一句，设为“要点”或“部分”；也可以手动添加要点。单位、时限会从选中的文字中读出。"
            />
          )}
          {!readOnly && plan.unitNames.length > 0 && <UnitNamesPanel names={plan.unitNames} onOpen={setDeciding} />}
          <PlanMilestonesCard
            milestones={plan.milestones}
            year={plan.year}
            readOnly={readOnly}
            onAdd={async (v) => {
              if (
                !(await run(() =>
                  writes.addMilestone({ variables: { planId: plan.id, version: plan.version, input: v } }),
                ))
              )
                throw new Error('not added');
            }}
            onRemove={(m) => void run(() => writes.removeMilestone({ variables: { id: m.id, version: plan.version } }))}
          />
          <UpperLinksCard planId={plan.id} keyPoints={plan.keyPoints} />
          <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
            <Typography.Title level={4} style={{ margin: 0 }}>
              工作要点 <Typography.Text type="secondary">{plan.keyPoints.length} 项</Typography.Text>
            </Typography.Title>
            {!readOnly && (
              <Button icon={<PlusOutlined />} onClick={() => setNewKeyPointIn(null)}>
                添加要点
              </Button>
            )}
          </Flex>
          <PlanDraftTree
            year={plan.year}
            defaultDueDate={plan.defaultDueDate}
            sections={plan.sections}
            keyPoints={plan.keyPoints}
            selectedId={selected?.id}
            readOnly={readOnly}
            emptyHint={emptyHint}
            onSelect={setSelected}
            onEdit={setEditing}
            onAmend={plan.status === 'PUBLISHED' ? setAmending : undefined}
            onResolveName={(rawName) => setDeciding(plan.unitNames.find((n) => sameUnitName(n.name, rawName)) ?? null)}
            onSetRole={(kp, u, role) =>
              void run(() => writes.setUnit({ variables: { id: u.id, version: kp.version, unitId: u.unit!.id, role } }))
            }
            onAddUnit={setAdding}
            onRemoveUnit={(kp, u) =>
              void run(() => writes.removeUnit({ variables: { id: u.id, version: kp.version } }))
            }
            onDueDate={(kp, dueDate) =>
              void run(() =>
                writes.updateKeyPoint({ variables: { id: kp.id, version: kp.version, input: { dueDate } } }),
              )
            }
            onDeadlineDate={(kp, d, date) =>
              void run(() =>
                writes.updateDeadline({ variables: { id: d.id, version: kp.version, input: { text: d.text, date } } }),
              )
            }
            onAddDeadline={async (kp, v) => {
              if (
                !(await run(() =>
                  writes.addDeadline({ variables: { keyPointId: kp.id, version: kp.version, input: v } }),
                ))
              )
                throw new Error('not added');
            }}
            onRemoveDeadline={(kp, d) =>
              void run(() => writes.removeDeadline({ variables: { id: d.id, version: kp.version } }))
            }
            onDelete={(kp) =>
              confirm(`删除要点“${kp.label} ${kp.title}”？`, '要点的单位、时限（以及它的子项）一并删除。', () =>
                run(() => writes.deleteKeyPoint({ variables: { id: kp.id, version: kp.version } })),
              )
            }
            onAddKeyPoint={setNewKeyPointIn}
            onDeleteSection={(s) =>
              confirm(`删除部分“${sectionHeading(s)}”？`, '其中的要点不会删除，归入前一部分。', () =>
                run(() => writes.deleteSection({ variables: { id: s.id, version: plan.version } })),
              )
            }
          />
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 16, display: 'grid', gap: 16 }}>
            {!readOnly && (
              <PublishPanel
                planId={plan.id}
                preview={preview}
                duplicates={plan.duplicatePlans}
                publishing={publishing}
                onPublish={publish}
              />
            )}
            <SourceTextPanel
              source={plan.sourceText}
              filename={plan.sourceFilename}
              highlight={highlight}
              onMark={
                readOnly
                  ? undefined
                  : async (sel, as) => {
                      if (
                        await run(() =>
                          writes.markSource({
                            variables: { planId: plan.id, version: plan.version, input: { ...sel, as } },
                          }),
                        )
                      ) {
                        message.success(as === 'SECTION' ? '已设为部分' : '已设为要点');
                      }
                    }
              }
            />
          </div>
        </Col>
      </Row>
      <UnitNameModal
        name={deciding}
        onCancel={() => setDeciding(null)}
        onResolve={async (input) => {
          try {
            await writes.resolveName({
              variables: { planId: plan.id, version: plan.version, input: { name: deciding!.name, ...input } },
            });
          } catch (e) {
            // The dialog shows the message; a stale draft is reloaded so the next try can succeed.
            if (describeError(e).code === 'CONFLICT') await refetch();
            throw e;
          }
          message.success(`已确认“${deciding!.name}”，用于全部 ${deciding!.keyPoints} 项要点`);
          setDeciding(null);
        }}
      />
      <UnitPickerModal
        open={!!adding}
        role="RESPONSIBLE"
        onCancel={() => setAdding(null)}
        onPick={async (unitId, role) => {
          await writes.addUnit({ variables: { keyPointId: adding!.id, version: adding!.version, unitId, role } });
          setAdding(null);
        }}
      />
      <KeyPointAddModal
        sectionId={newKeyPointIn}
        sections={plan.sections}
        year={plan.year}
        onCancel={() => setNewKeyPointIn(undefined)}
        onSave={async (v) => {
          const ok = await run(() =>
            writes.addKeyPoint({
              variables: { input: { planId: plan.id, ...v, text: v.text || null, label: v.label || null } },
            }),
          );
          if (ok) setNewKeyPointIn(undefined);
        }}
      />
      <PlanHeaderModal
        open={headerOpen}
        plan={plan}
        onCancel={() => setHeaderOpen(false)}
        onSave={async (input) => {
          try {
            await writes.updatePlan({
              variables: {
                id: plan.id,
                version: plan.version,
                input: readOnly ? { ...input, year: undefined } : input,
              },
              context: { quiet: true },
            });
          } catch (e) {
            if (describeError(e).code === 'CONFLICT') await refetch();
            throw e;
          }
          message.success('计划信息已保存');
          setHeaderOpen(false);
        }}
      />
      <KeyPointAmendModal
        keyPoint={amending}
        year={plan.year}
        onCancel={() => setAmending(null)}
        onSave={async (input) => {
          try {
            await amendKeyPoint({ variables: { id: amending!.id, version: amending!.version, input } });
            message.success('已调整，相关任务已更新');
            setAmending(null);
          } catch (e) {
            // The link has shown the API's message. CONFLICT is a stale version or a unit whose task has
            // work on it: reload the key point and keep the dialog, with what was entered, open.
            if (describeError(e).code === 'CONFLICT') {
              const { data: fresh } = await refetch();
              setAmending(fresh?.plan.keyPoints.find((k) => k.id === amending!.id) ?? null);
            }
          }
        }}
      />
      <KeyPointEditModal
        keyPoint={editing}
        onCancel={() => setEditing(null)}
        onSave={async (v) => {
          await run(() =>
            writes.updateKeyPoint({ variables: { id: editing!.id, version: editing!.version, input: v } }),
          );
          setEditing(null);
        }}
      />
    </>
  );
}
