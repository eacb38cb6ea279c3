import { Result } from 'antd';

export function Dashboard() {
  return <Result title="即将上线" />;
}
