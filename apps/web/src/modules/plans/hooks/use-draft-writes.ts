import { useMutation } from '@apollo/client/react';
import { AddKeyPointDeadlineMutation } from '../graphql/add-key-point-deadline.mutation';
import { AddKeyPointMutation } from '../graphql/add-key-point.mutation';
import { AddKeyPointUnitMutation } from '../graphql/add-key-point-unit.mutation';
import { AddPlanMilestoneMutation } from '../graphql/add-plan-milestone.mutation';
import { DeleteKeyPointMutation } from '../graphql/delete-key-point.mutation';
import { DeletePlanSectionMutation } from '../graphql/delete-plan-section.mutation';
import { MarkSourceMutation } from '../graphql/mark-source.mutation';
import { PublishPreviewQuery } from '../graphql/publish-preview.query';
import { RemoveKeyPointDeadlineMutation } from '../graphql/remove-key-point-deadline.mutation';
import { RemoveKeyPointUnitMutation } from '../graphql/remove-key-point-unit.mutation';
import { RemovePlanMilestoneMutation } from '../graphql/remove-plan-milestone.mutation';
import { ResolveUnitNameMutation } from '../graphql/resolve-unit-name.mutation';
import { SetKeyPointUnitMutation } from '../graphql/set-key-point-unit.mutation';
import { UpdateKeyPointDeadlineMutation } from '../graphql/update-key-point-deadline.mutation';
import { UpdateKeyPointMutation } from '../graphql/update-key-point.mutation';
import { UpdatePlanMutation } from '../graphql/update-plan.mutation';

/**
 * Every write of the draft page. An edit of one key point answers with that key point (the cache
 * updates it) and refreshes the publish preview; edits that reshape the draft (a name decided for
 * every key point, a line marked, a key point or section added or removed) reload the whole draft.
 */
export function useDraftWrites(planId: string) {
  // The preview is a field of the draft the page shows, not a query of its own on screen: it is
  // fetched by document so the answer lands on the cached plan (a name would match nothing active).
  const preview = { refetchQueries: [{ query: PublishPreviewQuery, variables: { id: planId } }] };
  const whole = { refetchQueries: ['PlanDraft'], awaitRefetchQueries: true };
  return {
    setUnit: useMutation(SetKeyPointUnitMutation, preview)[0],
    addUnit: useMutation(AddKeyPointUnitMutation, preview)[0],
    removeUnit: useMutation(RemoveKeyPointUnitMutation, preview)[0],
    updateKeyPoint: useMutation(UpdateKeyPointMutation, preview)[0],
    updateDeadline: useMutation(UpdateKeyPointDeadlineMutation, preview)[0],
    addDeadline: useMutation(AddKeyPointDeadlineMutation, preview)[0],
    removeDeadline: useMutation(RemoveKeyPointDeadlineMutation, preview)[0],
    addMilestone: useMutation(AddPlanMilestoneMutation)[0],
    removeMilestone: useMutation(RemovePlanMilestoneMutation)[0],
    updatePlan: useMutation(UpdatePlanMutation, whole)[0],
    resolveName: useMutation(ResolveUnitNameMutation, { ...whole, context: { quiet: true } })[0],
    markSource: useMutation(MarkSourceMutation, whole)[0],
    addKeyPoint: useMutation(AddKeyPointMutation, whole)[0],
    deleteKeyPoint: useMutation(DeleteKeyPointMutation, whole)[0],
    deleteSection: useMutation(DeletePlanSectionMutation, whole)[0],
  };
}
