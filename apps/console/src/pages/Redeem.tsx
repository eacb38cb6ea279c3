import { Result } from 'antd';

export function Redeem() {
  return <Result title="即将上线" />;
}
