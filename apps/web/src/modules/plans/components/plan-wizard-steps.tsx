import { Steps } from 'antd';

/** 导入向导: 1 source → 2 check the parsed draft → 3 publish. */
export function PlanWizardSteps({ current }: { current: 0 | 1 | 2 }) {
  return (
    <Steps
      current={current}
      size="small"
      style={{ marginBottom: 24, maxWidth: 720 }}
      items={[
        { title: '上传或粘贴', content: '文档或文本' },
        { title: '核对草稿', content: '要点、单位、时限' },
        { title: '发布', content: '生成任务' },
      ]}
    />
  );
}
