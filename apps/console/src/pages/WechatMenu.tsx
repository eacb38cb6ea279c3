import { Result } from 'antd';

export function WechatMenu() {
  return <Result title="即将上线" />;
}
