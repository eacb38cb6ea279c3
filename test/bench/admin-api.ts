/** The slice of the admin REST API the bench needs: log in, create a template, count its rows. */
export class AdminApi {
  private token = '';

  constructor(
    private readonly base: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  async login(): Promise<void> {
    const res = await this.call<{ accessToken: string }>(
      'POST',
      '/auth/login',
      { username: this.username, password: this.password },
      false,
    );
    this.token = res.accessToken;
  }

  /** A template with stock to spare, per-user limit 1, claimable now by `keyword`. */
  async createActiveTemplate(keyword: string): Promise<number> {
    const now = Date.now();
    const created = await this.call<{ id: number }>('POST', '/coupon-templates', {
      name: `压测券 ${keyword}`,
      discountType: 'AMOUNT',
      amountCents: 1000,
      totalQuantity: 10_000_000,
      perUserLimit: 1,
      claimStartsAt: new Date(now - 60_000).toISOString(),
      claimEndsAt: new Date(now + 24 * 3_600_000).toISOString(),
      validityType: 'RELATIVE',
      validDays: 7,
      keyword,
    });
    await this.call('POST', `/coupon-templates/${created.id}/activate`);
    return created.id;
  }

  /** Coupon rows of the template in MySQL (the detail view counts them). */
  async issuedCount(id: number): Promise<number> {
    const t = await this.call<{ issuedCount?: number }>('GET', `/coupon-templates/${id}`);
    if (typeof t.issuedCount !== 'number') throw new Error('template view has no issuedCount');
    return t.issuedCount;
  }

  private async call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    reauth = true,
  ): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const res = await fetch(`${this.base}/api/v1/admin${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // Admin tokens are short-lived; a soak outlives one.
    if (res.status === 401 && reauth && this.token) {
      await this.login();
      return this.call<T>(method, path, body, false);
    }
    if (!res.ok) throw new Error(`${method} ${path} -> HTTP ${res.status}: ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }
}
