const DAY_MS = 86_400_000;

/**
 * Request bodies Swagger UI pre-fills, by operationId, for the operations whose fields depend on
 * each other (discountType / validityType) or on today's date. Built per request, so "Try it
 * out" posts them unedited and they never go stale. Property examples cover every other body.
 */
export function requestExamples(now: Date = new Date()): Record<string, object> {
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const claimStartsAt = hour.toISOString();
  const claimEndsAt = new Date(hour.getTime() + 30 * DAY_MS).toISOString();
  return {
    // AMOUNT + RELATIVE validity: only the fields those two need. No keyword/menuKey, so running
    // it twice does not collide with the first template (both must be unique among live ones).
    createCouponTemplate: {
      name: '新客立减10元',
      description: '满50可用，每人限领1张',
      discountType: 'AMOUNT',
      amountCents: 1000,
      thresholdCents: 5000,
      totalQuantity: 100,
      perUserLimit: 1,
      claimStartsAt,
      claimEndsAt,
      validityType: 'RELATIVE',
      validDays: 7,
      welcome: false,
    },
    // Fields every non-ENDED status accepts.
    updateCouponTemplate: {
      name: '新客立减10元（第二期）',
      description: '满50可用，每人限领1张',
    },
  };
}
