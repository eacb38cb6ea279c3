import { adminToken } from './support/admin-client';
import { createTestApp, type TestApp } from './support/test-app';

/**
 * Issue #10 item 8: `page=1e18` on the paged lists made MariaDB fail on a huge OFFSET (500).
 * The bound itself lives in PageQuery (libs/core/src/dto/page.query.ts).
 */
describe('page is bounded on the paged admin lists (e2e)', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await adminToken(t.app);
  });
  afterAll(() => t.close());

  it.each(['/api/v1/admin/coupon-templates', '/api/v1/admin/audit/claim-logs'])(
    '%s?page=1e18 is a 400 naming page',
    async (url) => {
      for (const page of ['1e18', '1000000000000000000', '9007199254740993']) {
        const res = await t.app.inject({
          method: 'GET',
          url: `${url}?page=${page}`,
          headers: { authorization: `Bearer ${token}` },
        });
        expect([page, res.statusCode]).toEqual([page, 400]);
        const { details } = res.json<{ details: { field: string }[] }>();
        expect(details.map((d) => d.field)).toContain('page');
      }
    },
  );
});
