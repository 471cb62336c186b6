import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { ReportForm, type ReportFormValues } from './report-form';
import type { UploadedFile } from '../utils/upload-file';

function setup(upload?: (file: File, onProgress: (p: number) => void) => Promise<UploadedFile>) {
  const submitted: ReportFormValues[] = [];
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <ReportForm currentProgress={30} onSubmit={(v) => void submitted.push(v)} upload={upload} />
      </AntApp>
    </ConfigProvider>,
  );
  return submitted;
}

const submit = () => userEvent.click(screen.getByRole('button', { name: /提交报送/ }));

describe('ReportForm validation', () => {
  it('requires the progress text and starts from the current percent', async () => {
    const submitted = setup();
    expect(screen.getByLabelText('完成进度')).toHaveValue('30');
    await submit();
    expect(await screen.findByText('请填写工作进展')).toBeInTheDocument();
    expect(submitted).toHaveLength(0);
  });

  it('refuses evidence URLs that are not http(s) and duplicates', async () => {
    const submitted = setup();
    await userEvent.type(screen.getByLabelText('工作进展'), '已在门户网站公开');
    await userEvent.click(screen.getByRole('button', { name: /添加网址/ }));
    await userEvent.type(screen.getByLabelText('佐证网址 1'), 'javascript:alert(1)');
    await submit();
    expect(await screen.findByText('只能填写 http:// 或 https:// 开头的网址')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('佐证网址 1'));
    await userEvent.type(screen.getByLabelText('佐证网址 1'), 'not a url');
    expect(await screen.findByText('网址格式不正确，应以 http:// 或 https:// 开头')).toBeInTheDocument();
    await userEvent.clear(screen.getByLabelText('佐证网址 1'));
    await userEvent.type(screen.getByLabelText('佐证网址 1'), 'https://www.ln.gov.cn/a.html');
    await userEvent.click(screen.getByRole('button', { name: /添加网址/ }));
    await userEvent.type(screen.getByLabelText('佐证网址 2'), 'https://www.ln.gov.cn/a.html');
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent('网址重复：https://www.ln.gov.cn/a.html');
    expect(submitted).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: '删除佐证网址 2' }));
    await submit();
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).toEqual({
      text: '已在门户网站公开',
      progress: 30,
      claimsCompletion: false,
      evidenceUrls: ['https://www.ln.gov.cn/a.html'],
      fileIds: [],
    });
  });

  it('claiming completion sets 100% and refuses a lower percent', async () => {
    const submitted = setup();
    await userEvent.type(screen.getByLabelText('工作进展'), '全部完成');
    await userEvent.click(screen.getByRole('checkbox', { name: /已全部完成/ }));
    expect(screen.getByLabelText('完成进度')).toHaveValue('100');
    await userEvent.clear(screen.getByLabelText('完成进度'));
    await userEvent.type(screen.getByLabelText('完成进度'), '80');
    await submit();
    expect(await screen.findByText('申报完成时进度应为 100%')).toBeInTheDocument();
    expect(submitted).toHaveLength(0);
  });

  it('uploads a chosen file with progress, waits for it, and sends its id', async () => {
    let finish!: (f: UploadedFile) => void;
    let report!: (p: number) => void;
    const submitted = setup(
      (file, onProgress) =>
        new Promise((resolve) => {
          report = onProgress;
          finish = () => resolve({ id: 'file-1', filename: file.name, mimeType: 'application/pdf', sizeBytes: 2048, sha256: 'x' });
        }),
    );
    await userEvent.type(screen.getByLabelText('工作进展'), '见附件');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File(['%PDF-1.4'], '公开情况.pdf', { type: 'application/pdf' }));
    await waitFor(() => expect(report).toBeDefined());
    act(() => report(40));
    expect(await screen.findByRole('button', { name: /附件上传中/ })).toBeDisabled();
    await act(async () => finish({} as UploadedFile));
    expect(await screen.findByText('2.0 KB')).toBeInTheDocument();
    await submit();
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0].fileIds).toEqual(['file-1']);
  });

  it('shows a refused upload in the API’s words and blocks sending until removed', async () => {
    const submitted = setup(() => Promise.reject(new Error('文件类型与扩展名不符')));
    await userEvent.type(screen.getByLabelText('工作进展'), '见附件');
    const input = document.querySelector('input[type=file]') as HTMLInputElement;
    await userEvent.upload(input, new File(['MZ'], 'a.pdf', { type: 'application/pdf' }));
    expect(await screen.findByText('文件类型与扩展名不符')).toBeInTheDocument();
    await submit();
    expect(await screen.findByRole('alert')).toHaveTextContent('有附件上传失败，请删除后重新上传');
    expect(submitted).toHaveLength(0);
  });
});
