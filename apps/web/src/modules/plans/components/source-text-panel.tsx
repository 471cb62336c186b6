import { Button, Card, Empty, Space, Typography, theme } from 'antd';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';

/** Where the selected key point's text starts in the source: its title, or its first characters. */
export function findInSource(source: string, needles: string[]): [number, number] | null {
  for (const needle of needles) {
    const probe = needle.trim().slice(0, 24);
    if (probe.length < 4) continue;
    const at = source.indexOf(probe);
    if (at >= 0) return [at, at + probe.length];
  }
  return null;
}

export interface SourceSelection {
  /** Offset in the source text where the selection starts. */
  start: number;
  text: string;
}

/**
 * The selection inside `container` as an offset into the source and its text (trimmed), or null when
 * nothing of the source is selected. Lines are rendered as elements carrying their offset.
 */
export function selectionInSource(container: HTMLElement, selection: Selection | null): SourceSelection | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer)) return null;
  const startNode = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const line = startNode?.closest<HTMLElement>('[data-offset]');
  if (!line) return null;
  const before = document.createRange();
  before.setStart(line, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const raw = selection.toString();
  const text = raw.trim();
  if (!text) return null;
  return {
    start: Number(line.dataset.offset) + before.toString().length + (raw.length - raw.trimStart().length),
    text,
  };
}

export type SourceMark = 'KEY_POINT' | 'SECTION';

interface SourceTextPanelProps {
  source: string | null;
  highlight: string[];
  filename?: string | null;
  /** Drafts: a selected line or sentence can be made a key point or a section. */
  onMark?: (selection: SourceSelection, as: SourceMark) => Promise<void>;
}

/**
 * The imported document as text, beside the tree; the selected key point is highlighted and scrolled
 * to. In a draft, a line or sentence selected here (drag, or triple-click a line) becomes a key point
 * or a section.
 */
export function SourceTextPanel({ source, highlight, filename, onMark }: SourceTextPanelProps) {
  const { token } = theme.useToken();
  const markRef = useRef<HTMLElement>(null);
  const boxRef = useRef<HTMLDivElement>(null);
  const [selected, setSelected] = useState<SourceSelection | null>(null);
  const [busy, setBusy] = useState<SourceMark | null>(null);
  const range = useMemo(() => (source ? findInSource(source, highlight) : null), [source, highlight]);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [range]);
  useEffect(() => {
    if (!onMark) return;
    const update = () => {
      if (boxRef.current) setSelected(selectionInSource(boxRef.current, document.getSelection()));
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [onMark]);

  const lines = useMemo(() => {
    if (!source) return [];
    let offset = 0;
    return source.split('\n').map((text) => {
      const line = { offset, text };
      offset += text.length + 1;
      return line;
    });
  }, [source]);

  const renderLine = (offset: number, text: string): ReactNode => {
    if (!range || range[1] <= offset || range[0] >= offset + text.length) return text || '\u00a0';
    const a = Math.max(range[0] - offset, 0);
    const b = Math.min(range[1] - offset, text.length);
    return (
      <>
        {text.slice(0, a)}
        <mark ref={range[0] >= offset ? markRef : undefined} style={{ background: token.colorWarningBg, padding: 0 }}>
          {text.slice(a, b)}
        </mark>
        {text.slice(b)}
      </>
    );
  };

  const mark = async (as: SourceMark) => {
    if (!selected || !onMark) return;
    setBusy(as);
    try {
      await onMark(selected, as);
      document.getSelection()?.removeAllRanges();
      setSelected(null);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={filename ? `原文：${filename}` : '原文'} styles={{ body: { padding: 0 } }}>
      {onMark && source && (
        <div
          role="toolbar"
          aria-label="标记原文"
          style={{ padding: '8px 12px', borderBottom: `1px solid ${token.colorSplit}` }}
        >
          {selected ? (
            <Space wrap>
              <Typography.Text ellipsis style={{ maxWidth: 240 }} title={selected.text}>
                已选：{selected.text}
              </Typography.Text>
              {/* Keep the selection when the button is pressed. */}
              <Button
                size="small"
                type="primary"
                loading={busy === 'KEY_POINT'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void mark('KEY_POINT')}
              >
                设为要点
              </Button>
              <Button
                size="small"
                loading={busy === 'SECTION'}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => void mark('SECTION')}
              >
                设为部分
              </Button>
            </Space>
          ) : (
            <Typography.Text type="secondary">
              解析漏掉的内容：在下面选中一句，或连点三下选中一行，即可设为要点或部分。
            </Typography.Text>
          )}
        </div>
      )}
      {source ? (
        <div
          ref={boxRef}
          tabIndex={0}
          aria-label="原文"
          style={{
            whiteSpace: 'pre-wrap',
            fontSize: 13,
            lineHeight: 1.8,
            padding: 12,
            maxHeight: 'calc(100vh - 280px)',
            minHeight: 240,
            overflow: 'auto',
            color: token.colorText,
          }}
        >
          {lines.map((l) => (
            <div key={l.offset} data-offset={l.offset}>
              {renderLine(l.offset, l.text)}
            </div>
          ))}
        </div>
      ) : (
        <Empty description="没有原文" style={{ padding: 24 }} />
      )}
    </Card>
  );
}
