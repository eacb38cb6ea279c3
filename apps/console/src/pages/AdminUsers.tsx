import { Result } from 'antd';

export function AdminUsers() {
  return <Result title="即将上线" />;
}
