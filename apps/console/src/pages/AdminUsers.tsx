import { useCallback, useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api, ApiFailure, ok, type Role, type Schemas } from '../api/client';
import { chinaTime } from '../format';
import { ROLE_LABEL } from '../roles';

type User = Schemas['AdminUserView'];
interface NewUser {
  username: string;
  password: string;
  role: Role;
}

/** 管理员 (ADMIN only): accounts, roles, disable/enable, reset a password. */
export function AdminUsers() {
  const { message } = App.useApp();
  const [form] = Form.useForm<NewUser>();
  const [users, setUsers] = useState<User[]>([]);

  const load = useCallback(async () => {
    setUsers(await ok(api.GET('/api/v1/admin/users')));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const fail = (err: unknown) =>
    void message.error(err instanceof ApiFailure ? err.message : String(err));

  async function create(v: NewUser) {
    try {
      await ok(api.POST('/api/v1/admin/users', { body: v }));
      void message.success(`已创建 ${v.username}`);
      form.resetFields();
      await load();
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 400) {
        const fields = err.fieldErrors();
        form.setFields(
          Object.entries(fields).map(([name, errors]) => ({ name: name as never, errors })),
        );
      } else fail(err);
    }
  }

  async function toggle(u: User) {
    const path = u.disabled
      ? '/api/v1/admin/users/{id}/enable'
      : '/api/v1/admin/users/{id}/disable';
    try {
      await ok(api.POST(path, { params: { path: { id: u.id } } }));
      await load();
    } catch (err) {
      fail(err);
    }
  }

  async function reset(u: User) {
    const newPassword = window.prompt(`${u.username} 的新密码（至少 12 位）`);
    if (!newPassword) return;
    try {
      await ok(
        api.POST('/api/v1/admin/users/{id}/reset-password', {
          params: { path: { id: u.id } },
          body: { newPassword },
        }),
      );
      void message.success('密码已重置');
    } catch (err) {
      fail(err);
    }
  }

  return (
    <section aria-labelledby="users-title">
      <Typography.Title level={3} id="users-title">
        管理员
      </Typography.Title>
      <Card title="新建账号" style={{ marginBottom: 16 }}>
        <Form<NewUser>
          form={form}
          layout="inline"
          onFinish={(v) => void create(v)}
          style={{ rowGap: 8 }}
        >
          <Form.Item
            label="用户名"
            name="username"
            rules={[{ required: true, message: '请输入用户名' }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            label="初始密码"
            name="password"
            rules={[{ required: true, message: '请输入密码' }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item label="角色" name="role" initialValue="CLERK">
            <Select
              style={{ width: 120 }}
              options={(Object.keys(ROLE_LABEL) as Role[]).map((r) => ({
                value: r,
                label: ROLE_LABEL[r],
              }))}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            创建
          </Button>
        </Form>
      </Card>
      <Table<User>
        rowKey="id"
        dataSource={users}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 60 },
          { title: '用户名', dataIndex: 'username' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_LABEL[r] },
          {
            title: '状态',
            dataIndex: 'disabled',
            render: (d: boolean) =>
              d ? <Tag color="red">已停用</Tag> : <Tag color="green">正常</Tag>,
          },
          { title: '创建时间', dataIndex: 'createdAt', render: chinaTime },
          {
            title: '操作',
            render: (_, u) => (
              <Space wrap>
                <Button size="small" onClick={() => void toggle(u)}>
                  {u.disabled ? '启用' : '停用'}
                </Button>
                <Button size="small" onClick={() => void reset(u)}>
                  重置密码
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
