import { Result } from 'antd';

export function Coupons({ templateId }: { templateId: number }) {
  return <Result title={`活动 ${templateId} 的券码`} />;
}
