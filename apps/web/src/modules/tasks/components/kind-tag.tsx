import { Tag } from 'antd';

/** A 整改 task is a task of its own, following up a 回头看 verdict: it must not look like the original. */
export function KindTag({ kind }: { kind: 'NORMAL' | 'RECTIFICATION' }) {
  return kind === 'RECTIFICATION' ? (
    <Tag color="orange" style={{ marginLeft: 8 }}>
      整改
    </Tag>
  ) : null;
}
