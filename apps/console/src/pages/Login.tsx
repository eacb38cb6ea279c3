import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { api, ApiFailure, ok, setSession } from '../api/client';

interface Values {
  username: string;
  password: string;
}

/** The existing admin login (POST /api/v1/admin/auth/login); the token lives for this tab. */
export function Login() {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const res = await ok(api.POST('/api/v1/admin/auth/login', { body: v }));
      setSession({
        token: res.accessToken,
        role: res.role,
        username: v.username,
        expiresAt: Date.now() + res.expiresIn * 1000,
      });
    } catch (err) {
      setError(
        err instanceof ApiFailure && err.status === 401
          ? '用户名或密码错误'
          : err instanceof ApiFailure && err.status === 429
            ? '失败次数过多，请稍后再试'
            : '登录失败，请稍后再试',
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3}>优惠券运营后台</Typography.Title>
        {error && <Alert type="error" title={error} role="alert" style={{ marginBottom: 16 }} />}
        <Form<Values> layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            label="密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
      </Card>
    </main>
  );
}
