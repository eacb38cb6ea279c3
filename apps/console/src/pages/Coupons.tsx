import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api, ApiFailure, currentSession, ok, type Schemas } from '../api/client';
import { download } from '../download';
import { chinaTime, STATUS_LABEL } from '../format';
import { can } from '../roles';
import { navigate } from '../router';

type Coupon = Schemas['CouponView'];
type Filters = { code?: string; openid?: string; status?: Coupon['status'] };

/** A template's coupons: search by code, openid or status, page on, export them all as CSV. */
export function Coupons({ templateId }: { templateId: number }) {
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [items, setItems] = useState<Coupon[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable = can.editTemplates(currentSession()!.role);

  const load = useCallback(
    async (f: Filters, after?: string) => {
      setLoading(true);
      setError(null);
      try {
        const query = {
          templateId,
          pageSize: 20,
          ...(f.code ? { code: f.code.trim().toUpperCase() } : {}),
          ...(f.openid ? { openid: f.openid.trim() } : {}),
          ...(f.status ? { status: f.status } : {}),
          ...(after ? { cursor: after } : {}),
        };
        const page = await ok(api.GET('/api/v1/admin/coupons', { params: { query } }));
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor ?? null);
      } catch (err) {
        setError(err instanceof ApiFailure ? err.message : String(err));
      } finally {
        setLoading(false);
      }
    },
    [templateId],
  );

  useEffect(() => {
    void load(filters);
  }, [load, filters]);

  async function revoke(c: Coupon) {
    const reason = window.prompt(`作废券 ${c.code} 的原因`);
    if (!reason) return;
    try {
      await ok(
        api.POST('/api/v1/admin/coupons/{code}/revoke', {
          params: { path: { code: c.code } },
          body: { reason },
        }),
      );
      void message.success('已作废');
      await load(filters);
    } catch (err) {
      void message.error(err instanceof ApiFailure ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="coupons-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} id="coupons-title" style={{ margin: 0 }}>
          活动 #{templateId} 的券码
        </Typography.Title>
        <Space wrap>
          <Button onClick={() => navigate('/templates')}>返回活动列表</Button>
          <Button
            type="primary"
            onClick={() =>
              void download(
                `/api/v1/admin/coupon-templates/${templateId}/coupons.csv`,
                `template-${templateId}-coupons.csv`,
              ).catch((err: unknown) => message.error(String(err)))
            }
          >
            导出 CSV
          </Button>
        </Space>
      </Space>
      <Form<Filters>
        layout="inline"
        onFinish={(v) => setFilters(v)}
        style={{ marginBottom: 16, rowGap: 8 }}
      >
        <Form.Item label="券码" name="code">
          <Input allowClear style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label="OpenID" name="openid">
          <Input allowClear style={{ width: 220 }} />
        </Form.Item>
        <Form.Item label="状态" name="status">
          <Select
            allowClear
            style={{ width: 120 }}
            options={['AVAILABLE', 'USED', 'EXPIRED', 'REVOKED'].map((s) => ({
              value: s,
              label: STATUS_LABEL[s].text,
            }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          搜索
        </Button>
      </Form>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<Coupon>
        rowKey="code"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: '券码', dataIndex: 'code', render: (c: string) => <code>{c}</code> },
          { title: 'OpenID', dataIndex: 'openid' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={STATUS_LABEL[s]?.color}>{STATUS_LABEL[s]?.text ?? s}</Tag>
            ),
          },
          { title: '领取时间', dataIndex: 'claimedAt', render: chinaTime },
          { title: '有效期至', dataIndex: 'validTo', render: chinaTime },
          { title: '核销时间', dataIndex: 'redeemedAt', render: chinaTime },
          ...(editable
            ? [
                {
                  title: '操作',
                  render: (_: unknown, c: Coupon) =>
                    c.status === 'AVAILABLE' ? (
                      <Button size="small" danger onClick={() => void revoke(c)}>
                        作废
                      </Button>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {cursor && (
        <Button
          style={{ marginTop: 16 }}
          onClick={() => void load(filters, cursor)}
          loading={loading}
        >
          加载更多
        </Button>
      )}
    </section>
  );
}
