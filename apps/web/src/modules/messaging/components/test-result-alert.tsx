import { Alert, Typography } from 'antd';

/** What a test message came to, with the platform's own answer as received. */
export interface TestResult {
  delivered: boolean;
  detail?: string | null;
  answer: string;
}

export function TestResultAlert({ result }: { result: TestResult }) {
  return (
    <Alert
      type={result.delivered ? 'success' : 'error'}
      showIcon
      data-testid="test-result"
      title={result.delivered ? '测试消息已送达' : `发送失败：${result.detail ?? '原因不明'}`}
      description={
        result.answer ? (
          <>
            对方应答：<Typography.Text code>{result.answer}</Typography.Text>
          </>
        ) : undefined
      }
    />
  );
}
