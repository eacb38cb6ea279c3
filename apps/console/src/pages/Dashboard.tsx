import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Card,
  Col,
  Empty,
  Input,
  Progress,
  Row,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { api, ok, type Schemas } from '../api/client';
import { Chart } from '../Chart';
import { OUTCOME_LABEL } from '../format';

type Snapshot = Schemas['DashboardSnapshotView'];
type Hourly = Schemas['HourlyView'];

const hhmm = (iso: string) =>
  new Date(iso).toLocaleTimeString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * The live snapshot over Server-Sent Events. EventSource cannot send the bearer token, so each
 * (re)connection trades it for a single-use ticket first; the first event after a reconnect is a
 * fresh snapshot, so nothing missed is lost.
 */
function useLiveSnapshot(): { snapshot: Snapshot | null; live: boolean } {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  const [live, setLive] = useState(false);

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let stopped = false;
    let lastId = '';

    const connect = async () => {
      try {
        const t = await ok(api.POST('/api/v1/admin/dashboard/stream-ticket'));
        if (stopped) return;
        const url = lastId
          ? `${t.streamUrl}&lastEventId=${encodeURIComponent(lastId)}`
          : t.streamUrl;
        source = new EventSource(url);
        source.addEventListener('snapshot', (e) => {
          const ev = e as MessageEvent<string>;
          lastId = ev.lastEventId;
          setSnapshot(JSON.parse(ev.data) as Snapshot);
          setLive(true);
        });
        source.onerror = () => {
          // The ticket was used up: reconnect with a new one rather than let EventSource retry.
          source?.close();
          setLive(false);
          if (!stopped) retry = setTimeout(() => void connect(), 2000);
        };
      } catch {
        if (!stopped) retry = setTimeout(() => void connect(), 5000);
      }
    };
    void connect();
    return () => {
      stopped = true;
      source?.close();
      if (retry) clearTimeout(retry);
    };
  }, []);

  return { snapshot, live };
}

export function Dashboard() {
  const { snapshot: s, live } = useLiveSnapshot();
  const [day, setDay] = useState(chinaToday());
  const [hourly, setHourly] = useState<Hourly | null>(null);

  useEffect(() => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    void ok(api.GET('/api/v1/admin/dashboard/hourly', { params: { query: { date: day } } })).then(
      setHourly,
      () => setHourly(null),
    );
  }, [day, s?.today.granted, s?.today.redemptions]);

  const minuteOption = useMemo(() => {
    if (!s) return {};
    const outcomes = [...new Set(s.minutes.flatMap((m) => Object.keys(m.claims)))].sort((a, b) =>
      a === 'GRANTED' ? -1 : b === 'GRANTED' ? 1 : a.localeCompare(b),
    );
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 40, right: 16, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: s.minutes.map((m) => hhmm(m.at)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        ...outcomes.map((o) => ({
          name: o === 'GRANTED' ? '领取成功' : `拒绝：${OUTCOME_LABEL[o] ?? o}`,
          type: 'bar',
          stack: 'claims',
          data: s.minutes.map((m) => m.claims[o] ?? 0),
        })),
        { name: '核销', type: 'line', data: s.minutes.map((m) => m.redemptions - m.undone) },
      ],
    };
  }, [s]);

  const hourlyOption = useMemo(
    () =>
      hourly
        ? {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 40, right: 16, bottom: 30, top: 40 },
            xAxis: { type: 'category', data: hourly.hours.map((h) => hhmm(h.at)) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              { name: '领取成功', type: 'bar', data: hourly.hours.map((h) => h.granted) },
              { name: '被拒绝', type: 'bar', data: hourly.hours.map((h) => h.refused) },
              { name: '核销', type: 'line', data: hourly.hours.map((h) => h.redemptions) },
            ],
          }
        : {},
    [hourly],
  );

  const lastMinute = s?.minutes[s.minutes.length - 1];
  return (
    <section aria-labelledby="dash-title">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 16 }} wrap>
        <Typography.Title level={3} id="dash-title" style={{ margin: 0 }}>
          数据看板
        </Typography.Title>
        <Badge status={live ? 'success' : 'warning'} text={live ? '实时更新中' : '连接中…'} />
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={12} lg={6}>
          <Card>
            <div data-testid="granted-today">
              <Statistic title="今日领取" value={s?.today.granted ?? '-'} />
            </div>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic title="今日拒绝领取" value={s?.today.refused ?? '-'} />
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <div data-testid="redeemed-today">
              <Statistic title="今日核销" value={s?.today.redemptions ?? '-'} />
            </div>
          </Card>
        </Col>
        <Col xs={12} lg={6}>
          <Card>
            <Statistic
              title="核销率（累计）"
              value={s ? (s.totals.redemptionRate * 100).toFixed(1) : '-'}
              suffix="%"
            />
            <Typography.Text type="secondary">
              已发 {s?.totals.issued ?? '-'} / 已核销 {s?.totals.redeemed ?? '-'}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            title="每分钟领取与核销（近 30 分钟）"
            extra={`本分钟：领取 ${lastMinute?.claims.GRANTED ?? 0}，核销 ${lastMinute?.redemptions ?? 0}`}
          >
            {s ? <Chart option={minuteOption} label="每分钟领取与核销柱状图" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="进行中活动剩余库存">
            {s?.stock.length ? (
              s.stock.map((t) => (
                <div key={t.templateId} style={{ marginBottom: 12 }}>
                  <div>
                    {t.name}：剩余 {t.remaining} / {t.totalQuantity}
                  </div>
                  <Progress
                    percent={Math.round((t.remaining / t.totalQuantity) * 100)}
                    status={t.remaining === 0 ? 'exception' : 'active'}
                    aria-label={`${t.name} 剩余库存`}
                  />
                </div>
              ))
            ) : (
              <Empty description="暂无进行中的活动" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card
            title="按小时统计"
            extra={
              <Space>
                <label htmlFor="hourly-day">日期</label>
                <Input
                  id="hourly-day"
                  type="date"
                  value={day}
                  onChange={(e) => setDay(e.target.value)}
                  style={{ width: 160 }}
                />
              </Space>
            }
          >
            {hourly ? <Chart option={hourlyOption} label={`${day} 每小时领取与核销`} /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="今日热门活动">
            <Table
              size="small"
              rowKey="templateId"
              pagination={false}
              dataSource={s?.top ?? []}
              columns={[
                { title: '活动', dataIndex: 'name' },
                { title: '领取', dataIndex: 'granted', width: 80 },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </section>
  );
}
