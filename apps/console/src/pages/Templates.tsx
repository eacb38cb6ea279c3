import { useCallback, useEffect, useState } from 'react';
import {
  App,
  Button,
  InputNumber,
  Modal,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { api, ApiFailure, ok, type Role, type Schemas } from '../api/client';
import { STATUS_LABEL, yuan } from '../format';
import { can } from '../roles';
import { navigate } from '../router';

type Template = Schemas['CouponTemplateView'];
type Action = 'activate' | 'pause' | 'end';

const ACTION_LABEL: Record<Action, string> = { activate: '启用', pause: '暂停', end: '结束' };

function actionsFor(status: string): Action[] {
  if (status === 'DRAFT') return ['activate', 'end'];
  if (status === 'ACTIVE') return ['pause', 'end'];
  if (status === 'PAUSED') return ['activate', 'end'];
  return [];
}

export function discountText(t: Template): string {
  const base =
    t.discountType === 'AMOUNT'
      ? `立减${yuan(t.amountCents)}`
      : `${100 - (t.percentOff ?? 0)}折${t.maxDiscountCents ? `（最多减${yuan(t.maxDiscountCents)}）` : ''}`;
  return t.thresholdCents > 0 ? `满${yuan(t.thresholdCents)} ${base}` : base;
}

/** 优惠券活动: status and live remaining stock; editors get the buttons, viewers only read. */
export function Templates({ role }: { role: Role }) {
  const { message } = App.useApp();
  const editable = can.editTemplates(role);
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Template[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);
  const [raising, setRaising] = useState<Template | null>(null);
  const [raiseTo, setRaiseTo] = useState<number | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const query = {
        page,
        pageSize: 20,
        ...(status ? { status: status as Template['status'] } : {}),
      };
      setData(await ok(api.GET('/api/v1/admin/coupon-templates', { params: { query } })));
    } finally {
      setLoading(false);
    }
  }, [page, status]);

  useEffect(() => {
    void load();
  }, [load]);

  async function act(t: Template, action: Action) {
    try {
      await ok(
        api.POST(`/api/v1/admin/coupon-templates/{id}/${action}`, {
          params: { path: { id: t.id } },
        }),
      );
      void message.success(`已${ACTION_LABEL[action]}：${t.name}`);
      await load();
    } catch (err) {
      void message.error(err instanceof ApiFailure ? err.message : String(err));
    }
  }

  async function raiseStock() {
    if (!raising || raiseTo === null) return;
    try {
      await ok(
        api.PATCH('/api/v1/admin/coupon-templates/{id}', {
          params: { path: { id: raising.id } },
          body: { totalQuantity: raiseTo, expectedVersion: raising.version },
        }),
      );
      void message.success('库存已增加');
      setRaising(null);
      await load();
    } catch (err) {
      void message.error(err instanceof ApiFailure ? err.message : String(err));
    }
  }

  return (
    <section aria-labelledby="templates-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} id="templates-title" style={{ margin: 0 }}>
          优惠券活动
        </Typography.Title>
        <Space wrap>
          <label htmlFor="status-filter">状态</label>
          <Select
            id="status-filter"
            allowClear
            placeholder="全部"
            style={{ width: 120 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={['DRAFT', 'ACTIVE', 'PAUSED', 'ENDED'].map((s) => ({
              value: s,
              label: STATUS_LABEL[s].text,
            }))}
          />
          {editable && (
            <Button type="primary" onClick={() => navigate('/templates/new')}>
              新建活动
            </Button>
          )}
        </Space>
      </Space>
      <Table<Template>
        rowKey="id"
        loading={loading}
        dataSource={data.items}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: data.total, onChange: setPage }}
        columns={[
          { title: 'ID', dataIndex: 'id', width: 60 },
          { title: '名称', dataIndex: 'name' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={STATUS_LABEL[s]?.color}>{STATUS_LABEL[s]?.text ?? s}</Tag>
            ),
          },
          { title: '优惠', render: (_, t) => discountText(t) },
          {
            title: '剩余库存',
            render: (_, t) => (
              <div style={{ minWidth: 140 }} data-testid={`remaining-${t.id}`}>
                {t.remaining ?? '-'} / {t.totalQuantity}
                <Progress
                  percent={Math.round(((t.remaining ?? 0) / t.totalQuantity) * 100)}
                  size="small"
                  showInfo={false}
                  aria-label={`剩余 ${t.remaining} / ${t.totalQuantity}`}
                />
              </div>
            ),
          },
          { title: '关键词', dataIndex: 'keyword', render: (k: string | null) => k ?? '-' },
          {
            title: '操作',
            render: (_, t) => (
              <Space wrap size="small">
                <Button size="small" onClick={() => navigate(`/templates/${t.id}/coupons`)}>
                  券码
                </Button>
                {editable && t.status !== 'ENDED' && (
                  <Button size="small" onClick={() => navigate(`/templates/${t.id}/edit`)}>
                    编辑
                  </Button>
                )}
                {editable &&
                  actionsFor(t.status).map((a) => (
                    <Button
                      key={a}
                      size="small"
                      danger={a === 'end'}
                      onClick={() => void act(t, a)}
                    >
                      {ACTION_LABEL[a]}
                    </Button>
                  ))}
                {editable && (t.status === 'ACTIVE' || t.status === 'PAUSED') && (
                  <Button
                    size="small"
                    onClick={() => {
                      setRaising(t);
                      setRaiseTo(t.totalQuantity + 100);
                    }}
                  >
                    加库存
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        title={`增加库存：${raising?.name ?? ''}`}
        open={raising !== null}
        onOk={() => void raiseStock()}
        onCancel={() => setRaising(null)}
        okText="确定"
        cancelText="取消"
      >
        <p>总库存只能调高（当前 {raising?.totalQuantity}）。</p>
        <label htmlFor="raise-to">新的总库存</label>
        <InputNumber
          id="raise-to"
          min={(raising?.totalQuantity ?? 0) + 1}
          value={raiseTo}
          onChange={(v) => setRaiseTo(v)}
          style={{ width: '100%' }}
        />
      </Modal>
    </section>
  );
}
