import { DeleteOutlined, TableOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Col, Collapse, Descriptions, Row, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoading } from '../../modules/common/components/page-loading';
import { QueryError } from '../../modules/common/components/query-error';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { describeError } from '../../modules/common/utils/app-errors';
import { KeyPointAmendModal } from '../../modules/plans/components/key-point-amend-modal';
import { KeyPointEditModal } from '../../modules/plans/components/key-point-edit-modal';
import { PlanDraftTree } from '../../modules/plans/components/plan-draft-tree';
import { PlanWizardSteps } from '../../modules/plans/components/plan-wizard-steps';
import { PublishPanel } from '../../modules/plans/components/publish-panel';
import { SourceTextPanel } from '../../modules/plans/components/source-text-panel';
import { AddKeyPointUnitMutation } from '../../modules/plans/graphql/add-key-point-unit.mutation';
import { AmendKeyPointMutation } from '../../modules/plans/graphql/amend-key-point.mutation';
import { DeletePlanMutation } from '../../modules/plans/graphql/delete-plan.mutation';
import { PlanDraftQuery } from '../../modules/plans/graphql/plan-draft.query';
import { PublishPlanMutation } from '../../modules/plans/graphql/publish-plan.mutation';
import { PublishPreviewQuery } from '../../modules/plans/graphql/publish-preview.query';
import { RemoveKeyPointUnitMutation } from '../../modules/plans/graphql/remove-key-point-unit.mutation';
import { SetKeyPointUnitMutation } from '../../modules/plans/graphql/set-key-point-unit.mutation';
import { UpdateKeyPointDeadlineMutation } from '../../modules/plans/graphql/update-key-point-deadline.mutation';
import { UpdateKeyPointMutation } from '../../modules/plans/graphql/update-key-point.mutation';
import type { DraftKeyPoint, DraftKeyPointUnit } from '../../modules/plans/utils/draft-types';
import { UnitPickerModal } from '../../modules/units/components/unit-picker-modal';

const STATUS = { DRAFT: ['草稿', 'default'], PUBLISHED: ['已发布', 'success'], ARCHIVED: ['已归档', 'default'] } as const;

/** Steps 2 and 3 of the import wizard: check the parsed draft beside its source, fix units and dates, publish. */
export default function PlanDraftPage() {
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const { data, loading, error, refetch } = useQuery(PlanDraftQuery, { variables: { id: planId } });
  usePageTitle(data?.plan ? data.plan.title : '工作要点');
  const [selected, setSelected] = useState<DraftKeyPoint | null>(null);
  const [picking, setPicking] = useState<{ keyPoint: DraftKeyPoint; unit: DraftKeyPointUnit | null } | null>(null);
  const [editing, setEditing] = useState<DraftKeyPoint | null>(null);
  const [amending, setAmending] = useState<DraftKeyPoint | null>(null);
  const [amendKeyPoint] = useMutation(AmendKeyPointMutation);
  const afterEdit = { refetchQueries: [{ query: PublishPreviewQuery, variables: { id: planId } }] };
  const [setUnit] = useMutation(SetKeyPointUnitMutation, afterEdit);
  const [addUnit] = useMutation(AddKeyPointUnitMutation, afterEdit);
  const [removeUnit] = useMutation(RemoveKeyPointUnitMutation, afterEdit);
  const [updateKeyPoint] = useMutation(UpdateKeyPointMutation, afterEdit);
  const [updateDeadline] = useMutation(UpdateKeyPointDeadlineMutation, afterEdit);
  const [publishPlan, { loading: publishing }] = useMutation(PublishPlanMutation);
  const [deletePlan] = useMutation(DeletePlanMutation);

  const highlight = useMemo(() => (selected ? [selected.title, selected.text] : []), [selected]);
  if (loading && !data) return <PageLoading rows={12} />;
  if (error || !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  const plan = data.plan;
  const readOnly = plan.status !== 'DRAFT';

  /** A stale version means someone else changed the draft: reload it (the link has already said so). */
  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (e) {
      if (describeError(e).code === 'CONFLICT') await refetch();
    }
  };

  const publish = async () => {
    try {
      const { data: done } = await publishPlan({ variables: { id: plan.id, version: plan.version } });
      message.success(`已发布，生成 ${plan.publishPreview.tasksToCreate} 项任务`);
      await refetch();
      if (done) navigate(`/ledger?plan=${plan.id}`);
    } catch (e) {
      if (describeError(e).code === 'CONFLICT') await refetch();
    }
  };

  const remove = () =>
    modal.confirm({
      title: '删除这份草稿？',
      content: '草稿中的要点、单位和时限都将删除，且不能恢复。',
      okText: '删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        await deletePlan({ variables: { id: plan.id, version: plan.version } });
        message.success('草稿已删除');
        navigate('/plans');
      },
    });

  return (
    <>
      <Space align="baseline" wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {plan.title} <Tag color={STATUS[plan.status][1]}>{STATUS[plan.status][0]}</Tag>
        </Typography.Title>
        <Space>
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
      {!readOnly && <PlanWizardSteps current={plan.publishPreview.unresolvedNames || plan.publishPreview.keyPointsWithoutUnits ? 1 : 2} />}
      {plan.parseWarnings.length > 0 && (
        <Collapse
          size="small"
          style={{ marginBottom: 16 }}
          items={[
            {
              key: 'w',
              label: <Typography.Text type="warning">解析提示 {plan.parseWarnings.length} 条：请对照原文核对</Typography.Text>,
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
          {readOnly && <Alert type="info" showIcon title="工作要点已发布，任务已生成。调整承办单位或完成时限请点要点的“调整”，并写明原因。" style={{ marginBottom: 12 }} />}
          <PlanDraftTree
            year={plan.year}
            sections={plan.sections}
            keyPoints={plan.keyPoints}
            selectedId={selected?.id}
            readOnly={readOnly}
            onSelect={setSelected}
            onEdit={setEditing}
            onAmend={plan.status === 'PUBLISHED' ? setAmending : undefined}
            onResolveUnit={(kp, u, unitId) => void run(() => setUnit({ variables: { id: u.id, version: kp.version, unitId } }))}
            onPickUnit={(keyPoint, unit) => setPicking({ keyPoint, unit })}
            onRemoveUnit={(kp, u) => void run(() => removeUnit({ variables: { id: u.id, version: kp.version } }))}
            onDueDate={(kp, dueDate) => void run(() => updateKeyPoint({ variables: { id: kp.id, version: kp.version, input: { dueDate } } }))}
            onDeadlineDate={(kp, d, date) => void run(() => updateDeadline({ variables: { id: d.id, version: kp.version, input: { text: d.text, date } } }))}
          />
        </Col>
        <Col xs={24} xl={10}>
          <div style={{ position: 'sticky', top: 16, display: 'grid', gap: 16 }}>
            {!readOnly && <PublishPanel planId={plan.id} preview={plan.publishPreview} publishing={publishing} onPublish={publish} />}
            <SourceTextPanel source={plan.sourceText} filename={plan.sourceFilename} highlight={highlight} />
          </div>
        </Col>
      </Row>
      <UnitPickerModal
        open={!!picking}
        rawName={picking?.unit?.rawName ?? null}
        role={picking?.unit?.role ?? 'RESPONSIBLE'}
        onCancel={() => setPicking(null)}
        onPick={async (unitId, role) => {
          const p = picking!;
          if (p.unit) await setUnit({ variables: { id: p.unit.id, version: p.keyPoint.version, unitId, role } });
          else await addUnit({ variables: { keyPointId: p.keyPoint.id, version: p.keyPoint.version, unitId, role } });
          setPicking(null);
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
          await run(() => updateKeyPoint({ variables: { id: editing!.id, version: editing!.version, input: v } }));
          setEditing(null);
        }}
      />
    </>
  );
}
