import { useQuery } from '@apollo/client/react';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parse } from 'graphql';
import { createMockClient, gqlError } from '../../../test/mock-client';
import { renderWithProviders } from '../../../test/render-app';
import { ReviewActions } from './review-actions';

vi.setConfig({ testTimeout: 30_000 });

// A list on screen that the acceptance refreshes (the name is one of TASK_DEPENDENT_QUERIES). Parsed
// from a plain string: graphql-codegen collects tagged documents, and this one is not the app's Dashboard.
const DashboardStub = parse('query Dashboard { stub: __typename }');
function ListOnScreen() {
  const { error } = useQuery(DashboardStub, { fetchPolicy: 'network-only', notifyOnNetworkStatusChange: true });
  return error ? <p>列表刷新失败</p> : null;
}

describe('the office accepts a report', () => {
  it('is told the acceptance went through even when a list on screen then fails to refresh', async () => {
    let dashboards = 0;
    const { client, calls } = createMockClient({
      Dashboard: () =>
        ++dashboards === 1 ? { data: { stub: 'Query' } } : gqlError('INTERNAL_SERVER_ERROR', '服务器繁忙'),
      CheckEvidence: () => ({ data: { checkEvidence: [] } }),
      ReportEvidenceFlags: () => ({ data: { report: { __typename: 'ProgressReport', id: 'r1', evidenceFlags: [] } } }),
      ReviewReport: () => ({
        data: {
          reviewReport: {
            __typename: 'ProgressReport',
            id: 'r1',
            version: 3,
            status: 'ACCEPTED',
            reviewComment: null,
            reviewedAt: '2026-12-06T02:00:00Z',
          },
        },
      }),
    });
    renderWithProviders(
      client,
      <>
        <ListOnScreen />
        <ReviewActions report={{ id: 'r1', version: 2, claimsCompletion: true }} />
      </>,
    );
    await waitFor(() => expect(dashboards).toBe(1));
    await userEvent.click(screen.getByRole('button', { name: '审核通过' }));
    const confirm = await screen.findByRole('dialog');
    await userEvent.click(within(confirm).getByRole('button', { name: /通\s*过/ }));
    // The server accepted: that is what the office hears.
    expect(await screen.findByText('已审核通过')).toBeInTheDocument();
    expect(calls.find((c) => c.operationName === 'ReviewReport')?.variables).toEqual({
      id: 'r1',
      version: 2,
      input: { accept: true },
    });
    // The list was asked again; its failure is its own to show.
    await waitFor(() => expect(dashboards).toBe(2));
    expect(await screen.findByText('列表刷新失败')).toBeInTheDocument();
  });
});
