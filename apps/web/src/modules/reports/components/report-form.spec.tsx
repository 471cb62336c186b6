import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ReportForm, type ReportFormProps, type ReportFormValues } from './report-form';
import type { UploadedFile } from '../utils/upload-file';
import { asPhone } from '../../../test/phone-screen';

function setup(
  upload?: (file: File, onProgress: (p: number) => void) => Promise<UploadedFile>,
  props: Partial<Pick<ReportFormProps, 'initial' | 'onSubmit'>> = {},
) {
  const submitted: ReportFormValues[] = [];
  render(
    <ConfigProvider locale={zhCN}>
      <AntApp>
        <ReportForm
          currentProgress={30}
          onSubmit={props.onSubmit ?? ((v) => void submitted.push(v))}
          upload={upload}
          initial={props.initial}
        />
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
    await userEvent.tab();
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

  it('gives an address typed without its scheme https://, and shows the API’s refusal under the field', async () => {
    const sent: ReportFormValues[] = [];
    setup(undefined, {
      onSubmit: async (v) => {
        sent.push(v);
        throw new CombinedGraphQLErrors({
          errors: [
            {
              message: '佐证链接格式不正确：https://www.ndrc.ln.gov.cn/ghxx',
              extensions: { code: 'BAD_USER_INPUT', field: 'evidenceUrls' },
            },
          ],
        });
      },
    });
    await userEvent.type(screen.getByLabelText('工作进展'), '已发布规划');
    await userEvent.click(screen.getByRole('button', { name: /添加网址/ }));
    await userEvent.type(screen.getByLabelText('佐证网址 1'), 'www.ndrc.ln.gov.cn/ghxx');
    await userEvent.tab();
    expect(screen.getByLabelText('佐证网址 1')).toHaveValue('https://www.ndrc.ln.gov.cn/ghxx');
    await submit();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].evidenceUrls).toEqual(['https://www.ndrc.ln.gov.cn/ghxx']);
    // The refusal is shown with the addresses, not only under the submit button.
    const message = await screen.findByText('佐证链接格式不正确：https://www.ndrc.ln.gov.cn/ghxx');
    expect(message.closest('.ant-form-item')).toContainElement(screen.getByLabelText('佐证网址 1'));
  });

  it('starts a resubmission from the returned report: text, percent, links and files', async () => {
    const submitted = setup(undefined, {
      initial: {
        text: '已发布政策解读',
        progress: 100,
        claimsCompletion: true,
        urls: ['https://www.ln.gov.cn/a.html'],
        files: [{ id: 'f1', filename: '说明.pdf', mimeType: 'application/pdf', sizeBytes: 1024, sha256: '' }],
      },
    });
    expect(screen.getByLabelText('工作进展')).toHaveValue('已发布政策解读');
    expect(screen.getByLabelText('佐证网址 1')).toHaveValue('https://www.ln.gov.cn/a.html');
    expect(screen.getByText('说明.pdf')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('工作进展'), '，补充了截图');
    await submit();
    await waitFor(() => expect(submitted).toHaveLength(1));
    expect(submitted[0]).toEqual({
      text: '已发布政策解读，补充了截图',
      progress: 100,
      claimsCompletion: true,
      evidenceUrls: ['https://www.ln.gov.cn/a.html'],
      fileIds: ['f1'],
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
          finish = () =>
            resolve({ id: 'file-1', filename: file.name, mimeType: 'application/pdf', sizeBytes: 2048, sha256: 'x' });
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

describe('ReportForm on a phone', () => {
  it('offers the camera beside the file picker; both add to the one list of attachments', async () => {
    const restore = asPhone();
    try {
      const uploaded: string[] = [];
      const submitted = setup(async (file) => {
        uploaded.push(file.name);
        return {
          id: `f-${uploaded.length}`,
          filename: file.name,
          mimeType: file.type,
          sizeBytes: file.size,
          sha256: '',
        };
      });
      const camera = document.querySelector<HTMLInputElement>('input[type=file][capture]')!;
      expect(camera).toHaveAttribute('accept', 'image/*');
      expect(camera).toHaveAttribute('capture', 'environment');
      const picker = document.querySelector<HTMLInputElement>('input[type=file]:not([capture])')!;
      expect(picker.getAttribute('accept')).toBe('image/*,.pdf,.doc,.docx,.xls,.xlsx,.txt,.csv');
      expect(screen.getByRole('button', { name: /拍\s*照/ })).toBeInTheDocument();
      await userEvent.upload(camera, new File(['jpeg'], 'IMG_0001.jpg', { type: 'image/jpeg' }));
      await userEvent.upload(picker, new File(['%PDF'], '说明.pdf', { type: 'application/pdf' }));
      expect(await screen.findByText('IMG_0001.jpg')).toBeInTheDocument();
      expect(await screen.findByText('说明.pdf')).toBeInTheDocument();
      await userEvent.type(screen.getByLabelText('工作进展'), '已张贴公示');
      await submit();
      await waitFor(() => expect(submitted).toHaveLength(1));
      expect(submitted[0].fileIds).toEqual(['f-1', 'f-2']);
    } finally {
      restore();
    }
  });

  it('shows no camera button on a desktop', () => {
    setup();
    expect(document.querySelector('input[type=file][capture]')).toBeNull();
    expect(screen.queryByRole('button', { name: /拍\s*照/ })).not.toBeInTheDocument();
  });
});
