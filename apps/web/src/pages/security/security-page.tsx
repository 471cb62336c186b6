import { Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../modules/common/hooks/use-page-title';
import { AssessmentView } from '../../modules/security/components/assessment-view';
import { SecurityPolicyForm } from '../../modules/security/components/security-policy-form';
import { UnusedAccounts } from '../../modules/security/components/unused-accounts';

/** 安全管理 (安全管理员, 三员分立): the password and session policy, the accounts nobody uses, and the assessor's view. */
export default function SecurityPage() {
  usePageTitle('安全管理');
  const [params, setParams] = useSearchParams();
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        安全管理
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        解锁账号、重置两步验证和授予管理角色在“账号管理”中办理。
      </Typography.Paragraph>
      <Tabs
        // Each tab reads afresh when opened: the assessor's view after a policy change, for one.
        destroyOnHidden
        activeKey={params.get('tab') ?? 'policy'}
        onChange={(tab) => setParams(tab === 'policy' ? {} : { tab })}
        items={[
          { key: 'policy', label: '安全策略', children: <SecurityPolicyForm /> },
          { key: 'unused', label: '闲置账号', children: <UnusedAccounts /> },
          { key: 'assessment', label: '等保测评视图', children: <AssessmentView /> },
        ]}
      />
    </>
  );
}
