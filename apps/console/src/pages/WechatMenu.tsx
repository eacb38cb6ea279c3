import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Input, Row, Space, Typography } from 'antd';
import { api, ApiFailure, ok, type Schemas } from '../api/client';

type Menu = Schemas['WechatMenuDto'];
type MenuButton = Schemas['WechatMenuButtonDto'];

const EXAMPLE: Menu = {
  button: [
    { name: '领券', type: 'click', key: 'MENU_COUPON' },
    {
      name: '会员',
      sub_button: [
        { name: '我的优惠券', type: 'click', key: 'MY_COUPONS' },
        { name: '官网', type: 'view', url: 'https://example.com' },
      ],
    },
  ],
};

/** How the menu will look at the bottom of the chat, before it is published. */
function Preview({ menu }: { menu: Menu }) {
  return (
    <div
      role="img"
      aria-label="菜单预览"
      style={{
        border: '1px solid #ddd',
        borderRadius: 16,
        width: 300,
        maxWidth: '100%',
        background: '#f5f5f5',
      }}
    >
      <div style={{ height: 220, display: 'flex', alignItems: 'flex-end', gap: 4, padding: 8 }}>
        {menu.button.map((b, i) => (
          <div key={i} style={{ flex: 1, display: 'flex', flexDirection: 'column', gap: 2 }}>
            {(b.sub_button ?? []).map((s: MenuButton, j: number) => (
              <div
                key={j}
                style={{ background: '#fff', padding: 4, fontSize: 12, textAlign: 'center' }}
              >
                {s.name}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div
        style={{
          display: 'flex',
          borderTop: '1px solid #ddd',
          background: '#fff',
          borderRadius: '0 0 16px 16px',
        }}
      >
        <div style={{ width: 40, textAlign: 'center', padding: 10 }}>⌨</div>
        {menu.button.map((b, i) => (
          <div
            key={i}
            style={{ flex: 1, textAlign: 'center', padding: 10, borderLeft: '1px solid #eee' }}
          >
            {b.sub_button?.length ? '≡ ' : ''}
            {b.name}
          </div>
        ))}
      </div>
    </div>
  );
}

/** 自定义菜单: edit the JSON WeChat takes, see it as followers will, publish it. */
export function WechatMenu() {
  const { message } = App.useApp();
  const [text, setText] = useState(JSON.stringify(EXAMPLE, null, 2));
  const [errors, setErrors] = useState<string[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    void ok(api.GET('/api/v1/admin/wechat/menu')).then(
      (m) => {
        if (m.button.length > 0) setText(JSON.stringify(m, null, 2));
      },
      (err: unknown) =>
        setLoadError(`读取当前菜单失败：${err instanceof ApiFailure ? err.message : String(err)}`),
    );
  }, []);

  const parsed = useMemo((): Menu | null => {
    try {
      const m = JSON.parse(text) as Menu;
      return Array.isArray(m.button) ? m : null;
    } catch {
      return null;
    }
  }, [text]);

  async function publish() {
    if (!parsed) return;
    setErrors([]);
    try {
      await ok(api.PUT('/api/v1/admin/wechat/menu', { body: parsed }));
      void message.success('菜单已发布');
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      const fields = err.fieldErrors();
      const list = Array.isArray(err.body.details)
        ? err.body.details.map((d) => `${d.field}: ${d.errors.join('; ')}`)
        : [];
      setErrors(list.length > 0 ? list : Object.values(fields).flat().concat(err.message));
    }
  }

  return (
    <section aria-labelledby="menu-title">
      <Typography.Title level={3} id="menu-title">
        自定义菜单
      </Typography.Title>
      {loadError && <Alert type="warning" title={loadError} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="菜单 JSON（微信格式）">
            <label htmlFor="menu-json">
              最多 3 个一级菜单，每个最多 5 个子菜单；click 的 key 填活动的“菜单 Key”。
            </label>
            <Input.TextArea
              id="menu-json"
              value={text}
              onChange={(e) => setText(e.target.value)}
              autoSize={{ minRows: 14 }}
              style={{ fontFamily: 'monospace', marginTop: 8 }}
            />
            {!parsed && <Alert type="error" title="JSON 格式不正确" style={{ marginTop: 8 }} />}
            {errors.length > 0 && (
              <Alert
                type="error"
                role="alert"
                style={{ marginTop: 8 }}
                title="微信菜单校验未通过"
                description={
                  <ul>
                    {errors.map((e) => (
                      <li key={e}>{e}</li>
                    ))}
                  </ul>
                }
              />
            )}
            <Space style={{ marginTop: 16 }}>
              <Button type="primary" disabled={!parsed} onClick={() => void publish()}>
                发布菜单
              </Button>
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="预览">{parsed ? <Preview menu={parsed} /> : null}</Card>
        </Col>
      </Row>
    </section>
  );
}
