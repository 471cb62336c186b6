import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMockClient } from '../../../test/mock-client';
import { UploadError } from '../../uploads/utils/multipart';
import type { ImportUnitsOptions, UnitImportResult } from '../utils/import-units';
import { renderWithProviders } from '../../../test/render-app';
import { ImportUnitsModal } from './import-units-modal';

vi.setConfig({ testTimeout: 30_000 });

const result = (dryRun: boolean, errors: number, missing: { id: string; name: string }[] = []): UnitImportResult => ({
  dryRun,
  created: 1,
  updated: 1,
  unchanged: 0,
  errors,
  deactivated: 0,
  missing,
  rows: [
    { row: 2, name: '省统计局', action: 'CREATED', message: null, changes: [] },
    {
      row: 3,
      name: '省财政厅',
      action: 'UPDATED',
      message: '别名含原名称“财政厅”，按更名处理',
      changes: [{ field: '单位名称', before: '财政厅', after: '省财政厅' }],
    },
    ...(errors ? [{ row: 4, name: '', action: 'ERROR' as const, message: '单位名称不能为空', changes: [] }] : []),
  ],
});

/** Records what the modal sends to POST /imports/units and answers like the endpoint. */
function importer(answer: (options: ImportUnitsOptions) => UnitImportResult | Error) {
  const calls: ({ name: string } & ImportUnitsOptions)[] = [];
  const importFile = async (file: File, options: ImportUnitsOptions) => {
    calls.push({ name: file.name, ...options });
    const out = answer(options);
    if (out instanceof Error) throw out;
    return out;
  };
  return { calls, importFile };
}

const csv = () => new File(['单位名称,类型\n省统计局,部门\n'], '单位.csv', { type: 'text/csv' });

describe('ImportUnitsModal', () => {
  it('shows the dry run per row, then imports on confirmation', async () => {
    const { client } = createMockClient({});
    const { calls, importFile } = importer(({ dryRun }) => result(dryRun, 0));
    renderWithProviders(client, <ImportUnitsModal open onClose={() => undefined} importFile={importFile} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, csv());
    expect(
      await within(dialog).findByText('检查通过，确认后按以下结果导入（全部成功或全部不导入）。'),
    ).toBeInTheDocument();
    expect(within(dialog).getByText('省统计局')).toBeInTheDocument();
    expect(within(dialog).getByText('别名含原名称“财政厅”，按更名处理')).toBeInTheDocument();
    expect(within(dialog).getByText('财政厅', { selector: 'del' })).toBeInTheDocument();
    expect(within(dialog).getByText('新增 1')).toBeInTheDocument();
    expect(calls[0]).toEqual({ name: '单位.csv', dryRun: true, deactivateMissing: false });
    await userEvent.click(within(dialog).getByRole('button', { name: /确认导入/ }));
    expect(await within(dialog).findByText('导入完成')).toBeInTheDocument();
    expect(calls.map((c) => c.dryRun)).toEqual([true, false]);
  });

  it('rows with errors come first and block the import', async () => {
    const { client } = createMockClient({});
    const { calls, importFile } = importer(() => result(true, 1));
    renderWithProviders(client, <ImportUnitsModal open onClose={() => undefined} importFile={importFile} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, csv());
    expect(await within(dialog).findByText('有 1 行错误，整个文件不会导入')).toBeInTheDocument();
    const rows = within(dialog).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('单位名称不能为空')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: /确认导入/ })).toBeDisabled();
    expect(calls).toHaveLength(1);
  });

  it('keeps the API message in the dialog beside the file when the file cannot be read', async () => {
    const { client } = createMockClient({});
    const { importFile } = importer(() => new UploadError('无法读取表格：缺少“单位名称”列', 'BAD_USER_INPUT'));
    renderWithProviders(client, <ImportUnitsModal open onClose={() => undefined} importFile={importFile} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, csv());
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('无法读取表格：缺少“单位名称”列');
    await waitFor(() => expect(within(dialog).getByRole('button', { name: /确认导入/ })).toBeDisabled());
  });

  it('offers to deactivate the units the file leaves out, and sends that choice with the import', async () => {
    const { client } = createMockClient({});
    const { calls, importFile } = importer(({ dryRun }) => result(dryRun, 0, [{ id: 'u9', name: '省扶贫办' }]));
    renderWithProviders(client, <ImportUnitsModal open onClose={() => undefined} importFile={importFile} />);
    const dialog = await screen.findByRole('dialog');
    await userEvent.upload(dialog.querySelector('input[type=file]') as HTMLInputElement, csv());
    expect(await within(dialog).findByText('名录中有 1 个启用的单位不在文件中')).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('checkbox', { name: /导入时停用这 1 个单位/ }));
    await userEvent.click(within(dialog).getByRole('button', { name: /确认导入/ }));
    await waitFor(() => expect(calls.map((c) => c.deactivateMissing)).toEqual([false, true]));
  });
});
