import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp, ConfigProvider } from 'antd';
import { selectionInSource, SourceTextPanel, type SourceMark, type SourceSelection } from './source-text-panel';

const SOURCE = '一、加强政策解读\n\n做好政策文件解读工作，6月底前完成。（牵头单位：办公室）\n做好政务新媒体管理工作。';

function renderPanel(onMark?: (s: SourceSelection, as: SourceMark) => Promise<void>) {
  render(
    <ConfigProvider>
      <AntApp>
        <SourceTextPanel source={SOURCE} highlight={[]} filename="工作安排.txt" onMark={onMark} />
      </AntApp>
    </ConfigProvider>,
  );
  return screen.getByLabelText('原文');
}

/** Selects `text` inside the rendered source, as a person dragging over it would. */
function select(box: HTMLElement, text: string) {
  const line = [...box.querySelectorAll<HTMLElement>('[data-offset]')].find((l) => l.textContent!.includes(text))!;
  const node = line.firstChild!;
  const at = node.textContent!.indexOf(text);
  const range = document.createRange();
  range.setStart(node, at);
  range.setEnd(node, at + text.length);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
  act(() => void document.dispatchEvent(new Event('selectionchange')));
}

describe('SourceTextPanel', () => {
  it('renders each line of the source with its offset, blank lines kept', () => {
    const box = renderPanel();
    const lines = [...box.querySelectorAll<HTMLElement>('[data-offset]')];
    expect(lines.map((l) => Number(l.dataset.offset))).toEqual([0, 9, 10, 10 + SOURCE.split('\n')[2].length + 1]);
    expect(screen.queryByRole('toolbar')).not.toBeInTheDocument();
  });

  it('turns a selected sentence into a key point at its place in the source', async () => {
    const marked: [SourceSelection, SourceMark][] = [];
    const box = renderPanel(async (s, as) => void marked.push([s, as]));
    expect(screen.getByRole('toolbar', { name: '标记原文' })).toHaveTextContent('选中一句，或连点三下选中一行');
    select(box, '做好政务新媒体管理工作。');
    expect(screen.getByText('已选：做好政务新媒体管理工作。')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: '设为要点' }));
    await waitFor(() =>
      expect(marked).toEqual([
        [{ start: SOURCE.indexOf('做好政务新媒体'), text: '做好政务新媒体管理工作。' }, 'KEY_POINT'],
      ]),
    );
  });

  it('turns a heading into a section', async () => {
    const marked: [SourceSelection, SourceMark][] = [];
    const box = renderPanel(async (s, as) => void marked.push([s, as]));
    select(box, '一、加强政策解读');
    fireEvent.click(screen.getByRole('button', { name: '设为部分' }));
    await waitFor(() => expect(marked).toEqual([[{ start: 0, text: '一、加强政策解读' }, 'SECTION']]));
  });

  it('ignores selections outside the source and blank ones', () => {
    const box = renderPanel();
    const outside = document.createElement('p');
    outside.textContent = '页面上别处的文字';
    document.body.appendChild(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(selectionInSource(box, document.getSelection())).toBeNull();
    document.getSelection()!.removeAllRanges();
    expect(selectionInSource(box, document.getSelection())).toBeNull();
  });
});
