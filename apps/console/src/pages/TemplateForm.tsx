import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import { api, ApiFailure, ok, type Schemas } from '../api/client';
import { toCents, toYuan } from '../format';
import { navigate } from '../router';

type Template = Schemas['CouponTemplateView'];
type Body = Schemas['CreateCouponTemplateDto'];
type Audience = Schemas['AudienceView'];

/** Form values: the API's field names (so its errors land on the right input), money in yuan. */
interface Values {
  name: string;
  description?: string;
  discountType: 'AMOUNT' | 'PERCENT';
  amountCents?: number;
  percentOff?: number;
  maxDiscountCents?: number;
  thresholdCents?: number;
  totalQuantity: number;
  perUserLimit?: number;
  dailyLimit?: number;
  usableWeekdays?: number[];
  usableTimeStart?: string;
  usableTimeEnd?: string;
  claimStartsAt: string;
  claimEndsAt: string;
  validityType: 'FIXED' | 'RELATIVE';
  validFrom?: string;
  validTo?: string;
  validDays?: number;
  keyword?: string;
  menuKey?: string;
  welcome?: boolean;
  audienceId?: number;
}

const MONEY = ['amountCents', 'maxDiscountCents', 'thresholdCents'] as const;
const DATES = ['claimStartsAt', 'claimEndsAt', 'validFrom', 'validTo'] as const;
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'].map((d, i) => ({
  value: i + 1,
  label: `周${d}`,
}));

/** ISO (UTC) <-> the browser's datetime-local input (local time, minutes). */
function toLocalInput(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
const fromLocalInput = (v: string | undefined) => (v ? new Date(v).toISOString() : undefined);

function toValues(t: Template): Values {
  const v: Record<string, unknown> = { ...t };
  for (const k of MONEY) v[k] = toYuan(t[k]);
  for (const k of DATES) v[k] = toLocalInput(t[k]);
  for (const [k, val] of Object.entries(v)) if (val === null) v[k] = undefined;
  return v as unknown as Values;
}

function toBody(v: Values): Body {
  const b: Record<string, unknown> = { ...v };
  for (const k of MONEY) b[k] = toCents(v[k]);
  for (const k of DATES) b[k] = fromLocalInput(v[k]);
  // Only the fields this discount/validity type uses: the API refuses contradictory ones.
  const unused = v.discountType === 'AMOUNT' ? ['percentOff', 'maxDiscountCents'] : ['amountCents'];
  unused.push(...(v.validityType === 'FIXED' ? ['validDays'] : ['validFrom', 'validTo']));
  for (const k of unused) delete b[k];
  for (const [k, val] of Object.entries(b)) {
    if (val === undefined || val === '' || (Array.isArray(val) && val.length === 0)) delete b[k];
  }
  return b as unknown as Body;
}

/** Only what changed, for PATCH (a live template accepts only some fields). */
function changes(before: Body, after: Body): Partial<Body> {
  const out: Record<string, unknown> = {};
  const a = after as unknown as Record<string, unknown>;
  const b = before as unknown as Record<string, unknown>;
  for (const k of Object.keys(a)) if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = a[k];
  return out;
}

function defaults(): Partial<Values> {
  const hour = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
  return {
    discountType: 'AMOUNT',
    validityType: 'RELATIVE',
    validDays: 7,
    perUserLimit: 1,
    thresholdCents: 0,
    welcome: false,
    claimStartsAt: toLocalInput(new Date(hour.getTime() - 3_600_000).toISOString()),
    claimEndsAt: toLocalInput(new Date(hour.getTime() + 30 * 86_400_000).toISOString()),
  };
}

/** 新建/编辑活动: each field says what it does; the API's validation errors show next to it. */
export function TemplateForm({ id }: { id?: number }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [loaded, setLoaded] = useState<Template | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [audiences, setAudiences] = useState<Audience[]>([]);
  const discountType = Form.useWatch('discountType', form);
  const validityType = Form.useWatch('validityType', form);

  // Audiences are optional: a role that cannot list them simply gets no choices.
  useEffect(() => {
    void api
      .GET('/api/v1/admin/audiences')
      .then(({ data }) => setAudiences(data?.items ?? []))
      .catch(() => setAudiences([]));
  }, []);

  useEffect(() => {
    if (id === undefined) return;
    void ok(api.GET('/api/v1/admin/coupon-templates/{id}', { params: { path: { id } } })).then(
      (t) => {
        setLoaded(t);
        form.setFieldsValue(toValues(t));
      },
    );
  }, [id, form]);

  async function submit(v: Values) {
    setBusy(true);
    setError(null);
    try {
      const body = toBody(v);
      if (loaded) {
        const diff = changes(toBody(toValues(loaded)), body);
        await ok(
          api.PATCH('/api/v1/admin/coupon-templates/{id}', {
            params: { path: { id: loaded.id } },
            body: { ...diff, expectedVersion: loaded.version },
          }),
        );
      } else {
        await ok(api.POST('/api/v1/admin/coupon-templates', { body }));
      }
      void message.success('已保存');
      navigate('/templates');
    } catch (err) {
      if (!(err instanceof ApiFailure)) throw err;
      const fields = err.fieldErrors();
      const refused = (err.body.details as { refusedFields?: string[] } | undefined)?.refusedFields;
      if (Array.isArray(refused)) for (const f of refused) fields[f] = [err.message];
      form.setFields(
        Object.entries(fields).map(([name, errors]) => ({ name: name as never, errors })),
      );
      setError(Object.keys(fields).length > 0 ? '请修改标红的字段' : err.message);
    } finally {
      setBusy(false);
    }
  }

  const live = loaded !== null && loaded.status !== 'DRAFT';
  return (
    <Card>
      <Typography.Title level={3} id="form-title">
        {loaded ? `编辑活动：${loaded.name}` : '新建优惠券活动'}
      </Typography.Title>
      {live && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          title="活动已开始：只能修改名称、说明，调高总库存，或延后领取结束时间。"
        />
      )}
      {error && <Alert type="error" role="alert" style={{ marginBottom: 16 }} title={error} />}
      <Form<Values>
        form={form}
        layout="vertical"
        aria-labelledby="form-title"
        initialValues={id === undefined ? defaults() : undefined}
        onFinish={(v) => void submit(v)}
        scrollToFirstError
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label="活动名称"
              name="name"
              extra="粉丝在回复和“我的优惠券”里看到的名称，最多 64 字"
              rules={[{ required: true, message: '请填写活动名称' }]}
            >
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="说明"
              name="description"
              extra="使用说明，例如“满50可用，每人限领1张”"
            >
              <Input maxLength={512} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="优惠类型"
              name="discountType"
              extra="立减：固定金额；折扣：按订单金额打折，可设封顶"
            >
              <Radio.Group
                options={[
                  { value: 'AMOUNT', label: '立减金额' },
                  { value: 'PERCENT', label: '折扣' },
                ]}
              />
            </Form.Item>
          </Col>
          {discountType === 'PERCENT' ? (
            <>
              <Col xs={12} md={6}>
                <Form.Item label="优惠百分比 (%)" name="percentOff" extra="20 表示减 20%（八折）">
                  <InputNumber min={1} max={99} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label="最多优惠（元）" name="maxDiscountCents" extra="折扣封顶，可不填">
                  <InputNumber min={0.01} step={1} precision={2} style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            </>
          ) : (
            <Col xs={24} md={12}>
              <Form.Item label="立减金额（元）" name="amountCents" extra="核销时直接减去的金额">
                <InputNumber min={0.01} step={1} precision={2} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} md={6}>
            <Form.Item
              label="使用门槛（元）"
              name="thresholdCents"
              extra="订单满多少可用，0 为无门槛"
            >
              <InputNumber min={0} step={1} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label="总库存（张）"
              name="totalQuantity"
              extra="最多发放多少张"
              rules={[{ required: true, message: '请填写总库存' }]}
            >
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="每人限领（张）" name="perUserLimit" extra="同一粉丝最多领取张数">
              <InputNumber min={1} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item
              label="每日限量（张）"
              name="dailyLimit"
              extra="每天（北京时间）最多发放，可不填"
            >
              <InputNumber min={1} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="领取开始时间"
              name="claimStartsAt"
              extra="本地时间"
              rules={[{ required: true, message: '请选择开始时间' }]}
            >
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="领取结束时间"
              name="claimEndsAt"
              extra="本地时间，需晚于开始时间"
              rules={[{ required: true, message: '请选择结束时间' }]}
            >
              <Input type="datetime-local" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="有效期类型"
              name="validityType"
              extra="固定日期：所有券同一有效期；领取后N天：从领取时算起"
            >
              <Radio.Group
                options={[
                  { value: 'RELATIVE', label: '领取后 N 天' },
                  { value: 'FIXED', label: '固定日期' },
                ]}
              />
            </Form.Item>
          </Col>
          {validityType === 'FIXED' ? (
            <>
              <Col xs={12} md={6}>
                <Form.Item label="有效期开始" name="validFrom">
                  <Input type="datetime-local" />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item label="有效期结束" name="validTo">
                  <Input type="datetime-local" />
                </Form.Item>
              </Col>
            </>
          ) : (
            <Col xs={24} md={12}>
              <Form.Item label="有效天数" name="validDays" extra="领取后多少天内可用">
                <InputNumber min={1} max={3650} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item label="可用星期" name="usableWeekdays" extra="不选表示每天可用（北京时间）">
              <Checkbox.Group options={WEEKDAYS} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="每日可用开始" name="usableTimeStart" extra="HH:mm，例如 10:00">
              <Input placeholder="10:00" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="每日可用结束" name="usableTimeEnd" extra="HH:mm，不含该时刻">
              <Input placeholder="22:00" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="领取关键词"
              name="keyword"
              extra="粉丝在公众号发送这个词即可领取（进行中的活动之间不能重复）"
            >
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="菜单 Key"
              name="menuKey"
              extra="自定义菜单点击事件的 EventKey，点击即领取"
            >
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              label="关注即送"
              name="welcome"
              valuePropName="checked"
              extra="新关注的粉丝自动领取一张"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label="目标人群"
              name="audienceId"
              extra="只有该人群中的粉丝可以领取（其他人收到“该活动仅限特定用户参与”，不占库存）；不选则所有粉丝都可领取。活动开始后不能更改"
            >
              <Select
                allowClear
                placeholder="所有粉丝"
                disabled={loaded !== null && loaded.status !== 'DRAFT'}
                options={audiences.map((a) => ({
                  value: a.id,
                  label: `${a.name}（${a.kind === 'WECHAT_TAG' ? '微信标签' : '名单'}，${a.memberCount} 人）`,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            保存
          </Button>
          <Button onClick={() => navigate('/templates')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
