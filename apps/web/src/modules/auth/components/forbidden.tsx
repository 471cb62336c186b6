import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from '../../common/hooks/use-page-title';

export default function Forbidden({ home }: { home: string }) {
  usePageTitle('没有权限');
  return (
    <Result
      status="403"
      title="没有权限"
      subTitle="您的账号无权查看此页面。"
      extra={
        <Link to={home}>
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}
