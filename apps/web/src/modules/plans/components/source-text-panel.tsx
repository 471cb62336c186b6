import { Card, Empty, theme } from 'antd';
import { useEffect, useMemo, useRef } from 'react';

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

/** The imported document as text, beside the tree; the selected key point is highlighted and scrolled to. */
export function SourceTextPanel({ source, highlight, filename }: { source: string | null; highlight: string[]; filename?: string | null }) {
  const { token } = theme.useToken();
  const markRef = useRef<HTMLElement>(null);
  const range = useMemo(() => (source ? findInSource(source, highlight) : null), [source, highlight]);
  useEffect(() => {
    markRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [range]);
  return (
    <Card size="small" title={filename ? `原文：${filename}` : '原文'} styles={{ body: { padding: 0 } }}>
      {source ? (
        <div
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
          {range ? (
            <>
              {source.slice(0, range[0])}
              <mark ref={markRef} style={{ background: token.colorWarningBg, padding: 0 }}>
                {source.slice(range[0], range[1])}
              </mark>
              {source.slice(range[1])}
            </>
          ) : (
            source
          )}
        </div>
      ) : (
        <Empty description="没有原文" style={{ padding: 24 }} />
      )}
    </Card>
  );
}
