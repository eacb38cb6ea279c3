import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  InputNumber,
  Modal,
  Result,
  Space,
  Tag,
  Typography,
} from 'antd';
import { api, ApiFailure, ok, type Schemas } from '../api/client';
import { chinaTime, STATUS_LABEL, toCents, yuan } from '../format';

type Coupon = Schemas['CouponView'];
type Quote = Schemas['RedemptionQuoteView'];
type Redemption = Schemas['RedemptionResultView'];

const REASON_LABEL: Record<string, string> = {
  ALREADY_USED: '该券已核销',
  REVOKED: '该券已作废',
  EXPIRED: '该券已过期',
  NOT_YET_VALID: '该券尚未生效',
  OUTSIDE_USAGE_WINDOW: '当前不在可用时段',
  BELOW_THRESHOLD: '订单金额未达到使用门槛',
  UNDO_WINDOW_PASSED: '已超过可撤销时间',
};

/** A fresh idempotency key for one redemption attempt (kept for its retries, never reused). */
function newRequestNo(): string {
  const rand = crypto.getRandomValues(new Uint32Array(2));
  return `CON-${Date.now().toString(36)}-${rand[0].toString(36)}${rand[1].toString(36)}`;
}

interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
declare global {
  interface Window {
    BarcodeDetector?: new (opts: { formats: string[] }) => BarcodeDetectorLike;
  }
}

/** Camera scanning where the browser has BarcodeDetector (Chrome on Android, some tablets). */
function Scanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | null = null;
    const detector = new window.BarcodeDetector!({ formats: ['qr_code', 'code_128', 'ean_13'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (s) => {
        stream = s;
        video.current!.srcObject = s;
        await video.current!.play();
        timer = setInterval(() => {
          void detector.detect(video.current!).then((found) => {
            const code = found
              .map((f) => f.rawValue.trim().toUpperCase())
              .find((v) => /^[0-9A-Z]{16}$/.test(v));
            if (code) onCode(code);
          });
        }, 300);
      })
      .catch(() => setError('无法打开摄像头，请手动输入券码'));
    return () => {
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);
  return (
    <Modal open title="扫码" onCancel={onClose} footer={null}>
      {error ? (
        <Alert type="warning" title={error} />
      ) : (
        <video ref={video} style={{ width: '100%' }} muted playsInline />
      )}
    </Modal>
  );
}

/**
 * 核销 at the till: look the coupon up (typed or scanned), see whether it can be used now and what
 * the customer pays, redeem once (a double tap or a retry carries the same requestNo, so the API
 * answers it with the first result), and undo the last redemption within the window.
 */
export function Redeem() {
  const { message } = App.useApp();
  const [code, setCode] = useState('');
  const [coupon, setCoupon] = useState<Coupon | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [amount, setAmount] = useState<number | null>(null);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Redemption | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [scanning, setScanning] = useState(false);
  /** The current attempt's requestNo: made on the first tap, kept for retries of that attempt. */
  const attempt = useRef<{ key: string; requestNo: string } | null>(null);
  const inFlight = useRef(false);
  /** Only the latest lookup may fill the screen (an earlier, slower one must not overwrite it). */
  const lookups = useRef(0);
  const canScan = typeof window.BarcodeDetector === 'function' && !!navigator.mediaDevices;

  async function lookup(raw = code) {
    const c = raw.trim().toUpperCase();
    setCode(c);
    setCoupon(null);
    setQuote(null);
    setResult(null);
    setFailure(null);
    setLookupError(null);
    attempt.current = null;
    if (!c) return;
    const mine = (lookups.current += 1);
    try {
      const found = await ok(
        api.GET('/api/v1/admin/coupons/{code}', { params: { path: { code: c } } }),
      );
      if (mine === lookups.current) setCoupon(found);
    } catch (err) {
      if (mine !== lookups.current) return;
      setLookupError(
        err instanceof ApiFailure && err.status === 404
          ? '没有这张券，请检查券码'
          : err instanceof ApiFailure && err.status === 400
            ? '券码格式不对（16 位字母数字）'
            : '查询失败，请重试',
      );
    }
  }

  const cents = toCents(amount);
  useEffect(() => {
    if (!coupon || cents === undefined) {
      setQuote(null);
      return;
    }
    const timer = setTimeout(() => {
      void ok(
        api.GET('/api/v1/admin/coupons/{code}/quote', {
          params: { path: { code: coupon.code }, query: { orderAmount: cents } },
        }),
      ).then(setQuote, () => setQuote(null));
    }, 200);
    return () => clearTimeout(timer);
  }, [coupon, cents]);

  async function redeem() {
    if (!coupon || cents === undefined || inFlight.current) return;
    const key = `${coupon.code}:${cents}`;
    // Same coupon and amount as an unfinished attempt: a retry, with the same requestNo.
    if (attempt.current?.key !== key) attempt.current = { key, requestNo: newRequestNo() };
    const { requestNo } = attempt.current;
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    try {
      const r = await ok(
        api.POST('/api/v1/admin/coupons/{code}/redeem', {
          params: { path: { code: coupon.code } },
          body: { requestNo, orderAmountCents: cents },
        }),
      );
      setResult(r);
      setCoupon({ ...coupon, status: 'USED', redeemedAt: r.redeemedAt });
      attempt.current = null;
      void message.success('核销成功');
    } catch (err) {
      if (err instanceof ApiFailure) {
        attempt.current = null; // a definite answer: the next tap is a new attempt
        setFailure(REASON_LABEL[err.reason ?? ''] ?? err.message);
      } else {
        setFailure('网络异常，结果未知：请再点一次“核销”（不会重复核销）');
      }
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }

  async function undo() {
    if (!result) return;
    try {
      await ok(
        api.POST('/api/v1/admin/coupons/{code}/redeem/undo', {
          params: { path: { code: result.code } },
          body: { requestNo: result.requestNo },
        }),
      );
      void message.success('已撤销核销');
      await lookup(result.code);
    } catch (err) {
      setFailure(
        err instanceof ApiFailure ? (REASON_LABEL[err.reason ?? ''] ?? err.message) : '撤销失败',
      );
    }
  }

  return (
    <section aria-labelledby="redeem-title" style={{ maxWidth: 720 }}>
      <Typography.Title level={3} id="redeem-title">
        核销
      </Typography.Title>
      <Card>
        <label htmlFor="coupon-code" style={{ display: 'block', marginBottom: 8, fontSize: 16 }}>
          券码
        </label>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            id="coupon-code"
            size="large"
            value={code}
            autoFocus
            autoComplete="off"
            placeholder="输入或扫描 16 位券码"
            onChange={(e) => setCode(e.target.value)}
            onPressEnter={() => void lookup()}
            style={{ fontFamily: 'monospace', letterSpacing: 2 }}
          />
          <Button size="large" type="primary" onClick={() => void lookup()}>
            查询
          </Button>
          {canScan && (
            <Button size="large" onClick={() => setScanning(true)}>
              扫码
            </Button>
          )}
        </Space.Compact>
        {lookupError && (
          <Alert type="error" role="alert" title={lookupError} style={{ marginTop: 16 }} />
        )}
      </Card>
      {scanning && (
        <Scanner
          onClose={() => setScanning(false)}
          onCode={(c) => {
            setScanning(false);
            void lookup(c);
          }}
        />
      )}
      {coupon && (
        <Card style={{ marginTop: 16 }} title={coupon.templateName ?? `活动 #${coupon.templateId}`}>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label="券码">{coupon.code}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_LABEL[coupon.status]?.color} data-testid="coupon-status">
                {STATUS_LABEL[coupon.status]?.text ?? coupon.status}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="有效期">
              {chinaTime(coupon.validFrom)} 至 {chinaTime(coupon.validTo)}
            </Descriptions.Item>
            {coupon.redeemedAt && (
              <Descriptions.Item label="核销时间">{chinaTime(coupon.redeemedAt)}</Descriptions.Item>
            )}
          </Descriptions>
          {!result && (
            <>
              <label
                htmlFor="order-amount"
                style={{ display: 'block', margin: '16px 0 8px', fontSize: 16 }}
              >
                订单金额（元）
              </label>
              <InputNumber
                id="order-amount"
                size="large"
                min={0}
                step={1}
                precision={2}
                value={amount}
                onChange={(v) => setAmount(v)}
                style={{ width: '100%' }}
              />
              {quote && (
                <div aria-live="polite" style={{ marginTop: 16 }} data-testid="quote">
                  {quote.usable ? (
                    <Descriptions column={{ xs: 1, sm: 3 }} bordered size="small">
                      <Descriptions.Item label="订单金额">
                        {yuan(quote.orderAmountCents)}
                      </Descriptions.Item>
                      <Descriptions.Item label="优惠">
                        -{yuan(quote.discountCents)}
                      </Descriptions.Item>
                      <Descriptions.Item label="应付">
                        <strong style={{ fontSize: 20 }}>{yuan(quote.payableCents)}</strong>
                      </Descriptions.Item>
                    </Descriptions>
                  ) : (
                    <Alert
                      type="warning"
                      title={`现在不能使用：${REASON_LABEL[quote.refusal?.reason ?? ''] ?? quote.refusal?.message}`}
                    />
                  )}
                </div>
              )}
              {failure && (
                <Alert type="error" role="alert" title={failure} style={{ marginTop: 16 }} />
              )}
              <Button
                type="primary"
                size="large"
                block
                style={{ marginTop: 16, height: 56, fontSize: 20 }}
                loading={busy}
                disabled={!quote?.usable}
                onClick={() => void redeem()}
              >
                核销
              </Button>
            </>
          )}
          {result && (
            <Result
              status="success"
              title={`核销成功，应付 ${yuan(result.payableCents)}`}
              subTitle={`优惠 ${yuan(result.discountCents)} · 流水号 ${result.requestNo}`}
              extra={[
                <Button key="undo" danger onClick={() => void undo()}>
                  撤销本次核销
                </Button>,
                <Button
                  key="next"
                  type="primary"
                  onClick={() => {
                    setCode('');
                    setCoupon(null);
                    setResult(null);
                    setAmount(null);
                  }}
                >
                  下一位
                </Button>,
              ]}
            />
          )}
        </Card>
      )}
    </section>
  );
}
