/**
 * Generated from the admin API's OpenAPI document by `npm run console:schema`: do not edit.
 * test/console-schema.e2e-spec.ts fails when this file and the API drift apart.
 */

export interface paths {
    "/api/v1/admin/audiences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every audience, newest first */
        get: operations["listAudiences"];
        put?: never;
        /** Create an audience: who may claim a template (audienceId on the template) */
        post: operations["createAudience"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audiences/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One audience with memberCount, syncedAt and syncStatus */
        get: operations["getAudience"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audiences/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace an OPENID_LIST's members from a CSV or JSON upload (up to 1,000,000)
         * @description text/csv: one openid per line (an `openid` header line is allowed). application/json: an array of openid strings. Read as it streams, never held whole. All or nothing: any line that is not an openid refuses the upload (400, details.invalidLines with line numbers) and the old list stays; the new list replaces the old one only once it is complete.
         */
        put: operations["replaceAudienceMembers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audiences/{id}/members:add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add openids to an OPENID_LIST (their next claim on any instance is admitted) */
        post: operations["addAudienceMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audiences/{id}/members:remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove openids from an OPENID_LIST (coupons they hold are kept) */
        post: operations["removeAudienceMembers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audiences/{id}/sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pull a WECHAT_TAG audience's followers from the platform (background job)
         * @description Pages cgi-bin/user/tag/get by next_openid into a new list, swapped in when complete; progress at GET /api/v1/admin/jobs/{id}; resumes from its last page after a restart. One sync per audience at a time: while one is queued or running, this returns it.
         */
        post: operations["syncAudience"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit/claim-logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit trail (claim attempts, redemptions, undos, revocations), newest first
         * @description Written asynchronously from a Redis Stream: the newest events may lag by a moment.
         */
        get: operations["listClaimLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit/claim-logs/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Count of each outcome per template in [from, to) */
        get: operations["summarizeClaimLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/auth/change-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your own password (any role); every token of yours, this one too, ends */
        post: operations["changeOwnPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange username + password for a bearer JWT */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The admin this token belongs to (any role) */
        get: operations["getCurrentAdmin"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/auth/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deprecated alias of GET /api/v1/admin/users (same body); kept for old clients
         * @deprecated
         * @description Answers exactly like `listAdminUsers` (GET /api/v1/admin/users), which is where admin users are managed. New clients should use that path; this one stays for compatibility.
         */
        get: operations["listAdminUsersLegacy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/campaign-pushes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tell an audience about a campaign (or preview it to one follower)
         * @description WECHAT_TAG audience: one cgi-bin/message/mass/sendall filtered by the tag; the push keeps its msg_id and is finished by the MASSSENDJOBFINISH event (counts). OPENID_LIST audience: one customer-service message per follower through a durable queue at PUSH_RATE_PER_SECOND, each follower at most once even across crashes; 45015 (no interaction within 48 h) counts as notReachable, not retried. With preview.openid only that follower gets it (mass/preview for a tag).
         */
        post: operations["createCampaignPush"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/campaign-pushes/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A push: state and counts */
        get: operations["getCampaignPush"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupon-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List templates, newest first, with live issuedCount and remaining */
        get: operations["listCouponTemplates"];
        put?: never;
        /** Create a template (starts as DRAFT) */
        post: operations["createCouponTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupon-templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template with live issuedCount and remaining */
        get: operations["getCouponTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a template (compare-and-set on version; optional expectedVersion)
         * @description DRAFT: any field, validated like create. ACTIVE/PAUSED: only name, description, a higher totalQuantity and a later claimEndsAt; anything else is 409 (details.refusedFields). ENDED: 409. Every change bumps version; MySQL first, then the Redis claim gate.
         */
        patch: operations["updateCouponTemplate"];
        trace?: never;
    };
    "/api/v1/admin/coupon-templates/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** DRAFT|PAUSED -> ACTIVE: followers can claim */
        post: operations["activateCouponTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupon-templates/{id}/coupons.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export a template's coupons as CSV (streamed, RFC 4180 quoting) */
        get: operations["exportTemplateCouponsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupon-templates/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** DRAFT|ACTIVE|PAUSED -> ENDED (final; frees keyword and menu key) */
        post: operations["endCouponTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupon-templates/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** ACTIVE -> PAUSED: claims refused until re-activated */
        post: operations["pauseCouponTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search coupons, newest claim first (keyset pagination: pass nextCursor as cursor) */
        get: operations["searchCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupons/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One coupon with its redemption history */
        get: operations["getCoupon"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupons/{code}/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What redeeming would do now: usable or why not, the discount and the amount to pay
         * @description Read-only: the same checks (status, validity, usage weekdays/hours in China time, threshold) and discount rules as redeemCoupon, so the till shows them before redeeming.
         */
        get: operations["quoteRedemption"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupons/{code}/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * 核销: use the coupon on an order (idempotent by requestNo)
         * @description A retry with the same requestNo returns the first answer (200, same body). The validity window, usage weekdays/hours (China time) and threshold are checked now, whatever the expiry job has done. `details.reason` says why a redemption was refused.
         */
        post: operations["redeemCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupons/{code}/redeem/undo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Undo a redemption within REDEMPTION_UNDO_WINDOW_MINUTES (idempotent)
         * @description The coupon goes back to AVAILABLE, or EXPIRED when it is past its validity.
         */
        post: operations["undoRedemption"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/coupons/{code}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw an AVAILABLE coupon (AVAILABLE -> REVOKED), with a reason */
        post: operations["revokeCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dashboard/hourly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Claims granted/refused and redemptions per hour of a China day (about 40 days back) */
        get: operations["getDashboardHourly"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dashboard/snapshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dashboard as of now */
        get: operations["getDashboardSnapshot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dashboard/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-Sent Events: a `snapshot` event now and whenever claims or redemptions move
         * @description Each event is `event: snapshot`, `id: <lastEventId>`, `data: <DashboardSnapshotView JSON>`. Reconnect with a new ticket; a reconnect (Last-Event-ID header or lastEventId) starts with a fresh snapshot, which catches up on everything missed.
         */
        get: operations["streamDashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/dashboard/stream-ticket": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A short-lived, single-use ticket for the live stream (EventSource sends no headers) */
        post: operations["createDashboardStreamTicket"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/fission-campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns, newest first (optionally by status) */
        get: operations["listFissionCampaigns"];
        put?: never;
        /** Create a share-link campaign (ACTIVE between startsAt and endsAt) */
        post: operations["createFissionCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/fission-campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign */
        get: operations["getFissionCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/fission-campaigns/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** PAUSED -> ACTIVE */
        post: operations["activateFissionCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/fission-campaigns/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** ACTIVE|PAUSED -> ENDED (final; links stop working) */
        post: operations["endFissionCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/fission-campaigns/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** ACTIVE -> PAUSED */
        post: operations["pauseFissionCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/fission-campaigns/{id}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Funnel: sharers, links opened, friends claimed, invites counted/ignored, rewards */
        get: operations["getFissionCampaignStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/followers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find followers by bound phone number (exact match via blind index; ADMIN only)
         * @description Numbers are stored encrypted; the lookup uses an HMAC blind index. The phone is shown in full to ADMIN only; MARKETER, CLERK and VIEWER see it masked (138****8000, `phoneMasked: true`).
         */
        get: operations["findFollowersByPhone"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/followers/{openid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One follower by openid
         * @description The phone is shown in full to ADMIN only; MARKETER, CLERK and VIEWER see it masked (138****8000, `phoneMasked: true`).
         */
        get: operations["getFollower"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/jobs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A background job (tag sync, behaviour tagging, push): state and progress */
        get: operations["getJob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/stats/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Totals across all templates */
        get: operations["getStatsOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/stats/templates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One template: counts, redemption rate, discount given, claims per hour */
        get: operations["getTemplateStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List admin users (never password hashes) */
        get: operations["listAdminUsers"];
        put?: never;
        /** Create an admin user with a role */
        post: operations["createAdminUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Disable a user; their tokens stop working at once */
        post: operations["disableAdminUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enable a user again (they must log in anew) */
        post: operations["enableAdminUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/reset-password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a user's password; their existing tokens stop working */
        post: operations["resetAdminUserPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wechat/menu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Official Account's current custom menu, as WeChat has it */
        get: operations["getWechatMenu"];
        /**
         * Publish the custom menu (replaces it)
         * @description Checked against WeChat's limits before anything is sent: ≤ 3 top-level buttons, ≤ 5 sub-buttons, names ≤ 16/60 bytes, key ≤ 128 bytes, url ≤ 1024 bytes, and each button has either sub_button or a type. CLICK keys are the menuKey of coupon templates.
         */
        put: operations["publishWechatMenu"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wechat/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's user tags with their follower counts (cgi-bin/tags/get) */
        get: operations["listWechatTags"];
        put?: never;
        /** Create a user tag (cgi-bin/tags/create) */
        post: operations["createWechatTag"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/wechat/tags/{tagId}/members/from-coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tag every follower holding a coupon of a template (background job)
         * @description cgi-bin/tags/members/batchtagging in chunks of at most 50 openids; progress at GET /api/v1/admin/jobs/{id}; resumes from the last chunk after a restart; busy (-1) is retried with a doubling pause (TAGGING_BUSY_BACKOFF_MS); a quota error (45009...) stops the job with the errcode in its error. While the same tagging is queued or running, this returns it.
         */
        post: operations["tagFollowersFromCoupons"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/h5/api/jssdk-config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * JS-SDK wx.config() values for one of our H5 page URLs
         * @description signature = SHA-1 of jsapi_ticket, noncestr, timestamp and url (without #fragment). The jsapi_ticket is shared by all instances through Redis (one fetch, refreshed ahead).
         */
        get: operations["getJssdkConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/h5/api/share/{token}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A friend claims the coupon of a share link (the session cookie names the friend)
         * @description Same claim path as keyword claims (Lua gate + MySQL proof, channel SHARE). A GRANTED claim counts as an invitation for the sharer unless it is a self-invite, a friend already counted, not a new follower (newFollowersOnly) or the sharer is capped. Cross-site requests are refused.
         */
        post: operations["claimShareCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: MySQL, Redis and the audit pipeline answer, not shutting down (else 503) */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AdminPrincipalDto: {
            /** @example 1 */
            id: number;
            /** @example ADMIN */
            role: components["schemas"]["AdminRole"];
            /** @example admin */
            username: string;
        };
        /** @enum {string} */
        AdminRole: "ADMIN" | "MARKETER" | "CLERK" | "VIEWER";
        AdminUserView: {
            /**
             * Format: date-time
             * @example 2024-11-26T00:00:00.000Z
             */
            createdAt: string;
            /** @example false */
            disabled: boolean;
            /** @example 1 */
            id: number;
            /** @example ADMIN */
            role: components["schemas"]["AdminRole"];
            /** @example admin */
            username: string;
        };
        ApiErrorResponse: {
            /** @description Validation errors: one entry per bad field */
            details?: components["schemas"]["FieldErrorView"][];
            /** @example Bad Request */
            error: string;
            /** @example Validation failed: amountCents must be an integer number */
            message: string;
            /** @example 400 */
            statusCode: number;
        };
        ApiRefusalResponse: {
            /**
             * @description Why it was refused: {reason} (redemption), {refusedFields} (template edit), {retryAfterSeconds} (429)
             * @example {
             *       "reason": "ALREADY_USED"
             *     }
             */
            details?: {
                [key: string]: unknown;
            };
            /** @example Conflict */
            error: string;
            /** @example Coupon has already been used */
            message: string;
            /** @example 409 */
            statusCode: number;
        };
        AudienceList: {
            items: components["schemas"]["AudienceView"][];
        };
        AudienceMembersDto: {
            /**
             * @description 1-1000 openids
             * @example [
             *       "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"
             *     ]
             */
            openids: string[];
        };
        AudienceView: {
            /**
             * Format: date-time
             * @example 2026-12-01T07:00:00.000Z
             */
            createdAt: string;
            /** @example 3 */
            id: number;
            /**
             * @example OPENID_LIST
             * @enum {string}
             */
            kind: "WECHAT_TAG" | "OPENID_LIST";
            /** @example 100000 */
            memberCount: number;
            /** @example VIP 会员 */
            name: string;
            /**
             * Format: date-time
             * @description When the member list was last replaced (upload or sync)
             * @example 2026-12-01T08:00:00.000Z
             */
            syncedAt?: string | null;
            /** @example null */
            syncError?: string | null;
            /**
             * @description RUNNING while an upload or a sync fills the new list
             * @example DONE
             * @enum {string}
             */
            syncStatus: "IDLE" | "RUNNING" | "DONE" | "FAILED";
            /** @example null */
            tagId?: number | null;
        };
        AuditEventPageView: {
            /** @description Newest first, then by event id */
            items: components["schemas"]["AuditEventView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AuditEventSummaryView: {
            /** Format: date-time */
            from: string;
            /** @description By templateId, then outcome */
            outcomes: components["schemas"]["OutcomeCountView"][];
            /** Format: date-time */
            to: string;
        };
        AuditEventView: {
            /** @example KEYWORD */
            channel: string | null;
            couponCode: string | null;
            /**
             * @example {
             *       "replayed": false
             *     }
             */
            detail: Record<string, never> | null;
            /** @example 0193b5a2-7c1e-7f00-8a3b-2f4c5d6e7f80 */
            eventId: string;
            /** @description App instance (host:pid) that handled it */
            instance: string;
            /** @enum {string} */
            kind: "CLAIM" | "REDEEM" | "REDEEM_UNDO" | "REVOKE" | "INVITE" | "REWARD";
            latencyMs: number | null;
            /** Format: date-time */
            occurredAt: string;
            openid: string | null;
            /** @example GRANTED */
            outcome: string;
            /** @description MsgId / event key / requestNo */
            requestKey: string | null;
            templateId: number | null;
        };
        CampaignPushView: {
            /** @example 3 */
            audienceId: number;
            /**
             * @description MASS_TAG (WECHAT_TAG audience) or CUSTOM_MESSAGE (OPENID_LIST, queued)
             * @example MASS_TAG
             * @enum {string}
             */
            channel: "MASS_TAG" | "CUSTOM_MESSAGE";
            /**
             * Format: date-time
             * @example 2026-12-01T08:00:00.000Z
             */
            createdAt: string;
            /** @example null */
            error?: string | null;
            /**
             * @description ErrorCount (tag) or failed deliveries (list)
             * @example 1
             */
            errorCount: number;
            /**
             * @description errorCount + notReachableCount
             * @example 3
             */
            failedCount: number;
            /**
             * @description FilterCount (tag)
             * @example 118
             */
            filterCount?: number | null;
            /**
             * Format: date-time
             * @example null
             */
            finishedAt?: string | null;
            /** @example 5 */
            id: number;
            /**
             * @description Fan-out job of a list push (GET /api/v1/admin/jobs/{id})
             * @example null
             */
            jobId?: number | null;
            /**
             * @description The mass send msg_id
             * @example 1000
             */
            msgId?: string | null;
            /**
             * @description List push: followers outside the 48-hour window (45015), not retried
             * @example 2
             */
            notReachableCount: number;
            /** @example null */
            previewOpenid?: string | null;
            /** @example 115 */
            sentCount: number;
            /**
             * @description SENDING until MASSSENDJOBFINISH (tag) or every delivery has an outcome (list); PREVIEW_SENT for a preview
             * @example SENDING
             * @enum {string}
             */
            state: "PREVIEW_SENT" | "SENDING" | "DONE" | "FAILED";
            /** @example 7 */
            templateId: number;
            /** @example VIP 专享：发送「VIP券」领取 20 元优惠券，限时 3 天！ */
            text: string;
            /**
             * @description TotalCount (tag) or followers queued (list)
             * @example 120
             */
            totalCount: number;
        };
        ChangePasswordDto: {
            /**
             * Format: password
             * @example change-me-please-123
             */
            currentPassword: string;
            /**
             * Format: password
             * @example a-new-long-password
             */
            newPassword: string;
        };
        /** @enum {string} */
        ClaimChannel: "KEYWORD" | "MENU" | "SUBSCRIBE" | "ADMIN" | "SHARE" | "REWARD";
        CouponPage: {
            items: components["schemas"]["CouponView"][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor?: string | null;
        };
        /** @enum {string} */
        CouponStatus: "AVAILABLE" | "USED" | "EXPIRED" | "REVOKED";
        CouponTemplatePage: {
            items: components["schemas"]["CouponTemplateView"][];
            page: number;
            pageSize: number;
            total: number;
        };
        CouponTemplateView: {
            amountCents?: number | null;
            /**
             * @description Only this audience may claim (null: every follower)
             * @example 3
             */
            audienceId?: number | null;
            /** Format: date-time */
            claimEndsAt: string;
            /** Format: date-time */
            claimStartsAt: string;
            /** Format: date-time */
            createdAt: string;
            /** @description Claims per China day */
            dailyLimit?: number | null;
            description?: string | null;
            discountType: components["schemas"]["DiscountType"];
            id: number;
            /** @description Coupons issued (committed rows) */
            issuedCount?: number;
            keyword?: string | null;
            maxDiscountCents?: number | null;
            menuKey?: string | null;
            name: string;
            percentOff?: number | null;
            perUserLimit: number;
            /** @description totalQuantity - issuedCount */
            remaining?: number;
            status: components["schemas"]["TemplateStatus"];
            thresholdCents: number;
            totalQuantity: number;
            /** Format: date-time */
            updatedAt: string;
            /** @example 22:00 */
            usableTimeEnd?: string | null;
            /** @example 10:00 */
            usableTimeStart?: string | null;
            /** @description 1 = Mon ... 7 = Sun */
            usableWeekdays?: number[] | null;
            validDays?: number | null;
            /** Format: date-time */
            validFrom?: string | null;
            validityType: components["schemas"]["ValidityType"];
            /** Format: date-time */
            validTo?: string | null;
            /** @description Bumped on every change */
            version: number;
            /** @description Granted on subscribe */
            welcome: boolean;
        };
        CouponView: {
            channel: components["schemas"]["ClaimChannel"];
            /** Format: date-time */
            claimedAt: string;
            /** @example 7K3M9Q2XW8RTV4PZ */
            code: string;
            /** @example oAbC123... */
            openid: string;
            /** Format: date-time */
            redeemedAt?: string | null;
            redeemRequestNo?: string | null;
            /** @description Detail view only */
            redemptions?: components["schemas"]["RedemptionView"][];
            /** Format: date-time */
            revokedAt?: string | null;
            revokeReason?: string | null;
            /** @description AVAILABLE past validTo is shown as EXPIRED even before the expiry job ran */
            status: components["schemas"]["CouponStatus"];
            /** @example 12 */
            templateId: number;
            /** @example 新客立减10元 */
            templateName?: string;
            /** Format: date-time */
            validFrom: string;
            /** Format: date-time */
            validTo: string;
        };
        CreateAdminUserDto: {
            /**
             * Format: password
             * @example a-long-initial-password
             */
            password: string;
            /** @example CLERK */
            role: components["schemas"]["AdminRole"];
            /** @example clerk_shop1 */
            username: string;
        };
        CreateAudienceDto: {
            /**
             * @description OPENID_LIST: members uploaded or edited here; WECHAT_TAG: synced from a tag
             * @example OPENID_LIST
             * @enum {string}
             */
            kind: "WECHAT_TAG" | "OPENID_LIST";
            /** @example VIP 会员 */
            name: string;
            /**
             * @description The WeChat tag id (WECHAT_TAG only)
             * @example 134
             */
            tagId?: number;
        };
        CreateCampaignPushDto: {
            /**
             * @description Who is told
             * @example 3
             */
            audienceId: number;
            message: components["schemas"]["PushMessageDto"];
            /** @description Send to this follower only (WECHAT_TAG: mass/preview; OPENID_LIST: one message) to check it first */
            preview?: components["schemas"]["PushPreviewDto"];
            /**
             * @description The campaign the message is about
             * @example 7
             */
            templateId: number;
        };
        CreateCouponTemplateDto: {
            /**
             * @description Required for AMOUNT: discount in cents
             * @example 1000
             */
            amountCents?: number;
            /**
             * @description Only members of this audience may claim (others hear "该活动仅限特定用户参与"); set while DRAFT
             * @example 3
             */
            audienceId?: number;
            /**
             * Format: date-time
             * @example 2026-12-31T23:59:59.000Z
             */
            claimEndsAt: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00.000Z
             */
            claimStartsAt: string;
            /**
             * @description Claims granted per China calendar day (unset = no daily cap)
             * @example 50
             */
            dailyLimit?: number;
            /** @example 满50可用，每人限领1张 */
            description?: string;
            /** @example AMOUNT */
            discountType: components["schemas"]["DiscountType"];
            /**
             * @description Text a follower sends to claim (unique among live templates)
             * @example 优惠券
             */
            keyword?: string;
            /**
             * @description PERCENT only: cap on the discount, in cents
             * @example 2000
             */
            maxDiscountCents?: number;
            /**
             * @description Custom-menu CLICK EventKey that claims this template
             * @example COUPON_NEWUSER
             */
            menuKey?: string;
            /** @example 新客立减10元 */
            name: string;
            /**
             * @description Required for PERCENT: 1-99 percent off
             * @example 20
             */
            percentOff?: number;
            /**
             * @description Coupons one follower may claim
             * @default 1
             * @example 1
             */
            perUserLimit: number;
            /**
             * @description Minimum order amount in cents (0 = none)
             * @default 0
             * @example 5000
             */
            thresholdCents: number;
            /**
             * @description Stock: coupons that can ever be issued
             * @example 100
             */
            totalQuantity: number;
            /**
             * @description End (exclusive) of the daily redemption window, HH:mm China time
             * @example 22:00
             */
            usableTimeEnd?: string;
            /**
             * @description Start of the daily redemption window, HH:mm China time (with usableTimeEnd)
             * @example 10:00
             */
            usableTimeStart?: string;
            /**
             * @description ISO weekdays (1 = Mon ... 7 = Sun, China time) the coupon may be redeemed
             * @example [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            usableWeekdays?: number[];
            /**
             * @description Required for RELATIVE: days valid after claiming
             * @example 7
             */
            validDays?: number;
            /**
             * Format: date-time
             * @description Required for FIXED validity
             */
            validFrom?: string;
            /** @example RELATIVE */
            validityType: components["schemas"]["ValidityType"];
            /**
             * Format: date-time
             * @description Required for FIXED validity
             */
            validTo?: string;
            /**
             * @description Granted to new followers on subscribe (at most one live welcome template)
             * @default false
             */
            welcome: boolean;
        };
        CreatedWechatTag: {
            /** @example 134 */
            id: number;
            /** @example VIP */
            name: string;
        };
        CreateFissionCampaignDto: {
            /**
             * Format: date-time
             * @description Share links expire with the campaign
             * @example 2026-12-31T16:00:00Z
             */
            endsAt: string;
            /**
             * @description Counted friends per reward
             * @example 3
             */
            invitesRequired: number;
            /**
             * @description Rewards one sharer may earn at most
             * @example 5
             */
            maxRewardsPerSharer: number;
            /**
             * @description Menu CLICK key that answers with the link
             * @example FISSION_SHARE
             */
            menuKey?: string;
            /** @example 邀 3 位好友得 20 元券 */
            name: string;
            /**
             * @description Count only friends who subscribed after startsAt
             * @example false
             */
            newFollowersOnly?: boolean;
            /**
             * @description The sharer's reward template (its stock and per-user limit still apply)
             * @example 13
             */
            rewardTemplateId: number;
            /**
             * @description Text a follower sends to get their personal link
             * @example 邀请好友
             */
            shareKeyword?: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00Z
             */
            startsAt: string;
            /**
             * @description The coupon template friends claim through the link
             * @example 12
             */
            templateId: number;
        };
        CreateWechatTagDto: {
            /**
             * @description At most 30 bytes (UTF-8), unique on the account
             * @example VIP
             */
            name: string;
        };
        DashboardSnapshotView: {
            /** Format: date-time */
            generatedAt: string;
            /**
             * @description Last audit stream entry counted; also the SSE event id
             * @example 1764576000000-0
             */
            lastEventId: string;
            /** @description The last 30 minutes, oldest first */
            minutes: components["schemas"]["MinuteCountsView"][];
            /** @description Active templates */
            stock: components["schemas"]["StockView"][];
            today: components["schemas"]["TodayCountsView"];
            /** @description Most claimed today, up to 10 */
            top: components["schemas"]["TopTemplateView"][];
            /** @description All templates, from MySQL */
            totals: components["schemas"]["TotalsView"];
        };
        /** @enum {string} */
        DiscountType: "AMOUNT" | "PERCENT";
        FieldErrorView: {
            /**
             * @example [
             *       "amountCents must be an integer number"
             *     ]
             */
            errors: string[];
            /** @example amountCents */
            field: string;
        };
        FissionCampaignPage: {
            items: components["schemas"]["FissionCampaignView"][];
            /** @example 1 */
            page: number;
            /** @example 20 */
            pageSize: number;
            /** @example 1 */
            total: number;
        };
        FissionCampaignView: {
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            endsAt: string;
            /** @example 1 */
            id: number;
            /** @example 3 */
            invitesRequired: number;
            /** @example 5 */
            maxRewardsPerSharer: number;
            /** @example FISSION_SHARE */
            menuKey?: string | null;
            /** @example 邀 3 位好友得 20 元券 */
            name: string;
            /** @example false */
            newFollowersOnly: boolean;
            /** @example 13 */
            rewardTemplateId: number;
            /** @example 邀请好友 */
            shareKeyword?: string | null;
            /** Format: date-time */
            startsAt: string;
            status: components["schemas"]["FissionStatus"];
            /** @example 12 */
            templateId: number;
        };
        FissionStatsView: {
            /**
             * @description invitesCounted / linksOpened
             * @example 0.375
             */
            conversion: number;
            /**
             * @description Friends granted the coupon through a link
             * @example 40
             */
            friendsClaimed: number;
            /** @example 30 */
            invitesCounted: number;
            /**
             * @description Granted claims that did not count, by reason
             * @example {
             *       "SELF_INVITE": 1,
             *       "ALREADY_COUNTED": 2,
             *       "SHARER_CAPPED": 7
             *     }
             */
            invitesIgnored: {
                [key: string]: number;
            };
            /**
             * @description Share pages opened by identified friends
             * @example 80
             */
            linksOpened: number;
            /** @example 9 */
            rewardsGranted: number;
            /**
             * @description Followers who asked for their link
             * @example 12
             */
            sharers: number;
            topSharers: components["schemas"]["TopSharerView"][];
        };
        /** @enum {string} */
        FissionStatus: "ACTIVE" | "PAUSED" | "ENDED";
        FollowerList: {
            items: components["schemas"]["FollowerView"][];
        };
        FollowerView: {
            /**
             * Format: date-time
             * @description First binding (UTC)
             */
            createdAt: string;
            /** @example oAbC123xYz_4567890abcdefghij */
            openid: string;
            /**
             * @description Bound mobile number. In full (13800138000) for the ADMIN role only; MARKETER, CLERK and VIEWER get it masked (first 3 and last 4 digits).
             * @example 138****8000
             */
            phone: string;
            /**
             * @description True when `phone` is masked for the caller role
             * @example true
             */
            phoneMasked: boolean;
            /**
             * Format: date-time
             * @description Last (re)binding (UTC)
             */
            updatedAt: string;
        };
        GrowthJobView: {
            /**
             * Format: date-time
             * @example 2026-12-01T08:00:00.000Z
             */
            createdAt: string;
            /**
             * @description Why it FAILED, e.g. the platform errcode
             * @example null
             */
            error?: string | null;
            /**
             * Format: date-time
             * @example null
             */
            finishedAt?: string | null;
            /** @example 12 */
            id: number;
            /**
             * @description audience-sync | tag-from-coupons | push
             * @example audience-sync
             */
            kind: string;
            /**
             * @description Items done so far (openids pulled, tagged, messaged)
             * @example 20000
             */
            progress: number;
            /**
             * @example RUNNING
             * @enum {string}
             */
            state: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
            /** @example 25000 */
            total?: number | null;
            /**
             * Format: date-time
             * @example 2026-12-01T08:00:05.000Z
             */
            updatedAt: string;
        };
        HourCount: {
            /** @example 42 */
            count: number;
            /**
             * Format: date-time
             * @example 2026-12-01T08:00:00.000Z
             */
            hour: string;
        };
        HourCountsView: {
            /**
             * Format: date-time
             * @description Start of the hour (UTC)
             */
            at: string;
            /** @example 30 */
            granted: number;
            /**
             * @description Net of undos
             * @example 9
             */
            redemptions: number;
            /** @example 4 */
            refused: number;
        };
        HourlyView: {
            /** @example 2026-12-01 */
            date: string;
            /** @description 24 hours, 00:00-23:00 China time */
            hours: components["schemas"]["HourCountsView"][];
        };
        JobAcceptedView: {
            /**
             * Format: date-time
             * @example 2026-12-01T08:00:00.000Z
             */
            createdAt: string;
            /**
             * @description Why it FAILED, e.g. the platform errcode
             * @example null
             */
            error?: string | null;
            /**
             * Format: date-time
             * @example null
             */
            finishedAt?: string | null;
            /** @example 12 */
            id: number;
            /**
             * @description The job id (same as id): poll GET /api/v1/admin/jobs/{jobId}
             * @example 12
             */
            jobId: number;
            /**
             * @description audience-sync | tag-from-coupons | push
             * @example audience-sync
             */
            kind: string;
            /**
             * @description Items done so far (openids pulled, tagged, messaged)
             * @example 20000
             */
            progress: number;
            /**
             * @example RUNNING
             * @enum {string}
             */
            state: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
            /** @example 25000 */
            total?: number | null;
            /**
             * Format: date-time
             * @example 2026-12-01T08:00:05.000Z
             */
            updatedAt: string;
        };
        JssdkConfigView: {
            /** @example wx1234567890abcdef */
            appId: string;
            /** @example Wm3WZYTPz0wzccnW */
            nonceStr: string;
            /** @example 0f9de62fce790f9a083d5c99e95740ceb90c27ed */
            signature: string;
            /** @example 1414587457 */
            timestamp: number;
        };
        LoginDto: {
            /**
             * Format: password
             * @example change-me-please-123
             */
            password: string;
            /** @example admin */
            username: string;
        };
        LoginResponseDto: {
            /** @example eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9... */
            accessToken: string;
            /**
             * @description Seconds until the token expires
             * @example 3600
             */
            expiresIn: number;
            /** @example ADMIN */
            role: components["schemas"]["AdminRole"];
            /**
             * @example Bearer
             * @enum {string}
             */
            tokenType: "Bearer";
        };
        MembersUploadResult: {
            /**
             * @description Valid openids read (duplicates counted once in memberCount)
             * @example 100000
             */
            accepted: number;
            audience: components["schemas"]["AudienceView"];
        };
        MinuteCountsView: {
            /**
             * Format: date-time
             * @description Start of the minute
             */
            at: string;
            /**
             * @description Claims by outcome (GRANTED, SOLD_OUT, LIMIT_REACHED, ...)
             * @example {
             *       "GRANTED": 12,
             *       "SOLD_OUT": 3
             *     }
             */
            claims: {
                [key: string]: number;
            };
            /** @example 4 */
            redemptions: number;
            /**
             * @description Redemptions undone
             * @example 0
             */
            undone: number;
        };
        OutcomeCountView: {
            count: number;
            /** @example GRANTED */
            outcome: string;
            templateId: number | null;
        };
        OverviewStatsView: {
            /**
             * @description Sum of discounts of redemptions not undone
             * @example 300000
             */
            discountGivenCents: number;
            /**
             * @description EXPIRED, or AVAILABLE past validity
             * @example 50
             */
            expired: number;
            /**
             * @description Coupons issued (rows)
             * @example 800
             */
            issued: number;
            /** @example 300 */
            redeemed: number;
            /**
             * Format: double
             * @description redeemed / issued (0 when nothing issued)
             * @example 0.375
             */
            redemptionRate: number;
            /**
             * @description Stock not yet issued
             * @example 200
             */
            remaining: number;
            /** @example 2 */
            revoked: number;
            /** @example 7 */
            templates: number;
            /**
             * @description Templates per status
             * @example {
             *       "ACTIVE": 3,
             *       "DRAFT": 2
             *     }
             */
            templatesByStatus: Record<string, never>;
        };
        PushMessageDto: {
            /** @example VIP 专享：发送「VIP券」领取 20 元优惠券，限时 3 天！ */
            text: string;
        };
        PushPreviewDto: {
            /** @example oUpF8uMuAJO_M2pxb1Q9zNjWeS6o */
            openid: string;
        };
        QuoteRefusalView: {
            /** @example Order amount 3000 is below the threshold 5000 */
            message: string;
            /** @example BELOW_THRESHOLD */
            reason: components["schemas"]["RedeemRefusal"];
        };
        RedeemCouponDto: {
            /**
             * @description Order total in cents, before the discount
             * @example 5800
             */
            orderAmountCents: number;
            /** @example ORD-778899 */
            orderId?: string;
            /**
             * @description Idempotency key chosen by the till; a retry with it returns the first answer
             * @example POS1-20261201-000123
             */
            requestNo: string;
            /** @example SH-001 */
            storeId?: string;
        };
        /** @enum {string} */
        RedeemRefusal: "ALREADY_USED" | "REVOKED" | "EXPIRED" | "NOT_YET_VALID" | "OUTSIDE_USAGE_WINDOW" | "BELOW_THRESHOLD" | "REQUEST_NO_REUSED" | "REDEMPTION_UNDONE" | "UNDO_WINDOW_PASSED";
        RedemptionQuoteView: {
            /** @example 7K3M9Q2XW8RTV4PZ */
            code: string;
            /**
             * @description 0 when not usable
             * @example 1000
             */
            discountCents: number;
            /** @example 5800 */
            orderAmountCents: number;
            /** @example 4800 */
            payableCents: number;
            /** @description Why not (what redeeming would answer), when not usable */
            refusal?: components["schemas"]["QuoteRefusalView"] | null;
            /** @example 12 */
            templateId: number;
            /** @example 新客立减10元 */
            templateName: string;
            /** @example 5000 */
            thresholdCents: number;
            /**
             * @description Whether redeeming this order now would succeed
             * @example true
             */
            usable: boolean;
        };
        RedemptionResultView: {
            /** @example 7K3M9Q2XW8RTV4PZ */
            code: string;
            /** @example 1000 */
            discountCents: number;
            /** @example 5800 */
            orderAmountCents: number;
            /** @example 4800 */
            payableCents: number;
            /** Format: date-time */
            redeemedAt: string;
            /** @example POS1-20261201-000123 */
            requestNo: string;
            /**
             * @example USED
             * @enum {string}
             */
            status: "USED";
        };
        /** @enum {string} */
        RedemptionStatus: "REDEEMED" | "UNDONE";
        RedemptionView: {
            /** @example 1000 */
            discountCents: number;
            /** @example 5800 */
            orderAmountCents: number;
            orderId?: string | null;
            /** @example 4800 */
            payableCents: number;
            /** Format: date-time */
            redeemedAt: string;
            /** @example POS1-20261201-000123 */
            requestNo: string;
            status: components["schemas"]["RedemptionStatus"];
            storeId?: string | null;
            /** Format: date-time */
            undoneAt?: string | null;
        };
        ResetPasswordDto: {
            /**
             * Format: password
             * @example a-new-long-password
             */
            newPassword: string;
        };
        RevokeCouponDto: {
            /**
             * @description Why the coupon is withdrawn (kept on the coupon)
             * @example 重复发放
             */
            reason: string;
        };
        ShareClaimView: {
            /** @description Present when GRANTED */
            coupon?: components["schemas"]["ShareCouponView"];
            /**
             * @description GRANTED, SOLD_OUT, LIMIT_REACHED, DAILY_LIMIT_REACHED, NOT_STARTED, ENDED, PAUSED, NOT_FOUND, RATE_LIMITED, ERROR
             * @example GRANTED
             */
            outcome: string;
        };
        ShareCouponView: {
            /** @example 7K3M9Q2XW4HT8RZC */
            code: string;
            /** @example 2026-12-03T00:00:00.000Z */
            validFrom: string;
            /** @example 2026-12-10T00:00:00.000Z */
            validTo: string;
        };
        StockView: {
            /** @example 新客立减10元 */
            name: string;
            /** @example 640 */
            remaining: number;
            /** @example 12 */
            templateId: number;
            /** @example 1000 */
            totalQuantity: number;
        };
        StreamTicketView: {
            /** @example 30 */
            expiresInSeconds: number;
            /** @example /api/v1/admin/dashboard/stream?ticket=q3Jx0cXb1Vv0yq7m8yW9oS0bqGd2aZC3 */
            streamUrl: string;
            /**
             * @description Single-use; pass as ?ticket= to the stream within expiresInSeconds
             * @example q3Jx0cXb1Vv0yq7m8yW9oS0bqGd2aZC3
             */
            ticket: string;
        };
        TagFromCouponsDto: {
            /**
             * @description Only coupons in this status (as readers see it); any but REVOKED when absent
             * @example USED
             * @enum {string}
             */
            status?: "USED" | "AVAILABLE" | "EXPIRED";
            /**
             * @description Tag the followers holding coupons of this template
             * @example 7
             */
            templateId: number;
        };
        TemplateStatsView: {
            /** @description Claims per UTC hour in [from, to); empty hours are 0 */
            claimsPerHour: components["schemas"]["HourCount"][];
            /**
             * @description Sum of discounts of redemptions not undone
             * @example 300000
             */
            discountGivenCents: number;
            /**
             * @description EXPIRED, or AVAILABLE past validity
             * @example 50
             */
            expired: number;
            /** Format: date-time */
            from: string;
            /**
             * @description Coupons issued (rows)
             * @example 800
             */
            issued: number;
            /** @example 300 */
            redeemed: number;
            /**
             * Format: double
             * @description redeemed / issued (0 when nothing issued)
             * @example 0.375
             */
            redemptionRate: number;
            /**
             * @description Stock not yet issued
             * @example 200
             */
            remaining: number;
            /** @example 2 */
            revoked: number;
            /** @example 12 */
            templateId: number;
            /** Format: date-time */
            to: string;
            /** @example 1000 */
            totalQuantity: number;
        };
        /** @enum {string} */
        TemplateStatus: "DRAFT" | "ACTIVE" | "PAUSED" | "ENDED";
        TodayCountsView: {
            /**
             * @description Claims granted today (China day)
             * @example 120
             */
            granted: number;
            /**
             * @description Redemptions today, net of undos
             * @example 40
             */
            redemptions: number;
            /**
             * @description Claims refused today (any reason)
             * @example 15
             */
            refused: number;
        };
        TopSharerView: {
            /** @example 6 */
            invitesCounted: number;
            /** @example oUpF8uMuAJO_M2pxb1Q9zNjWeS6o */
            openid: string;
            /** @example 2 */
            rewards: number;
            /** @example 7 */
            sharerId: number;
        };
        TopTemplateView: {
            /**
             * @description Claims granted today
             * @example 88
             */
            granted: number;
            /** @example 新客立减10元 */
            name: string;
            /** @example 12 */
            templateId: number;
        };
        TotalsView: {
            /** @example 800 */
            issued: number;
            /** @example 300 */
            redeemed: number;
            /**
             * Format: double
             * @description redeemed / issued
             * @example 0.375
             */
            redemptionRate: number;
        };
        UndoRedemptionDto: {
            /**
             * @description requestNo of the redemption to undo
             * @example POS1-20261201-000123
             */
            requestNo: string;
        };
        UndoResultView: {
            /** @example 7K3M9Q2XW8RTV4PZ */
            code: string;
            /** @example POS1-20261201-000123 */
            requestNo: string;
            /** @description AVAILABLE again, or EXPIRED when already past its validity */
            status: components["schemas"]["CouponStatus"];
            /** Format: date-time */
            undoneAt: string;
        };
        UpdateCouponTemplateDto: {
            /**
             * @description Required for AMOUNT: discount in cents
             * @example 1000
             */
            amountCents?: number;
            /**
             * @description Only members of this audience may claim (others hear "该活动仅限特定用户参与"); set while DRAFT
             * @example 3
             */
            audienceId?: number;
            /**
             * Format: date-time
             * @example 2026-12-31T23:59:59.000Z
             */
            claimEndsAt?: string;
            /**
             * Format: date-time
             * @example 2026-12-01T00:00:00.000Z
             */
            claimStartsAt?: string;
            /**
             * @description Claims granted per China calendar day (unset = no daily cap)
             * @example 50
             */
            dailyLimit?: number;
            /** @example 满50可用，每人限领1张 */
            description?: string;
            /** @example AMOUNT */
            discountType?: components["schemas"]["DiscountType"];
            /**
             * @description Optimistic lock: the version you read; 409 if the template changed since
             * @example 3
             */
            expectedVersion?: number;
            /**
             * @description Text a follower sends to claim (unique among live templates)
             * @example 优惠券
             */
            keyword?: string;
            /**
             * @description PERCENT only: cap on the discount, in cents
             * @example 2000
             */
            maxDiscountCents?: number;
            /**
             * @description Custom-menu CLICK EventKey that claims this template
             * @example COUPON_NEWUSER
             */
            menuKey?: string;
            /** @example 新客立减10元 */
            name?: string;
            /**
             * @description Required for PERCENT: 1-99 percent off
             * @example 20
             */
            percentOff?: number;
            /**
             * @description Coupons one follower may claim
             * @example 1
             */
            perUserLimit?: number;
            /**
             * @description Minimum order amount in cents (0 = none)
             * @example 5000
             */
            thresholdCents?: number;
            /**
             * @description Stock: coupons that can ever be issued
             * @example 100
             */
            totalQuantity?: number;
            /**
             * @description End (exclusive) of the daily redemption window, HH:mm China time
             * @example 22:00
             */
            usableTimeEnd?: string;
            /**
             * @description Start of the daily redemption window, HH:mm China time (with usableTimeEnd)
             * @example 10:00
             */
            usableTimeStart?: string;
            /**
             * @description ISO weekdays (1 = Mon ... 7 = Sun, China time) the coupon may be redeemed
             * @example [
             *       1,
             *       2,
             *       3,
             *       4,
             *       5
             *     ]
             */
            usableWeekdays?: number[];
            /**
             * @description Required for RELATIVE: days valid after claiming
             * @example 7
             */
            validDays?: number;
            /**
             * Format: date-time
             * @description Required for FIXED validity
             */
            validFrom?: string;
            /** @example RELATIVE */
            validityType?: components["schemas"]["ValidityType"];
            /**
             * Format: date-time
             * @description Required for FIXED validity
             */
            validTo?: string;
            /** @description Granted to new followers on subscribe (at most one live welcome template) */
            welcome?: boolean;
        };
        /** @enum {string} */
        ValidityType: "FIXED" | "RELATIVE";
        WechatMenuButtonDto: {
            /**
             * @description click: the EventKey, e.g. a template menuKey (≤ 128 bytes)
             * @example COUPON_NEW
             */
            key?: string;
            /**
             * @description Top level ≤ 16 bytes, sub-button ≤ 60 bytes (UTF-8)
             * @example 领券
             */
            name: string;
            /** @description ≤ 5 sub-buttons */
            sub_button?: components["schemas"]["WechatMenuButtonDto"][];
            /**
             * @description Absent when sub_button is set
             * @enum {string}
             */
            type?: "click" | "view";
            /** @description view: the page to open (≤ 1024 bytes) */
            url?: string;
        };
        WechatMenuDto: {
            /** @description ≤ 3 top-level buttons */
            button: components["schemas"]["WechatMenuButtonDto"][];
        };
        WechatTagList: {
            tags: components["schemas"]["WechatTagView"][];
        };
        WechatTagView: {
            /**
             * @description Followers carrying the tag
             * @example 1200
             */
            count: number;
            /** @example 134 */
            id: number;
            /** @example VIP */
            name: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listAudiences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceList"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    createAudience: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAudienceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceView"];
                };
            };
            /** @description Invalid fields (tagId rules) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getAudience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    replaceAudienceMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        /** @description CSV (one openid per line) or a JSON array of strings */
        requestBody: {
            content: {
                "application/json": string;
                "text/csv": string;
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembersUploadResult"];
                };
            };
            /** @description Invalid lines: details = {invalidCount, invalidLines: [{line, reason}]} (first 100) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description A WECHAT_TAG audience, or another upload/sync of it is running */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
            /** @description Not CSV or JSON */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    addAudienceMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AudienceMembersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceView"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description A WECHAT_TAG audience */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    removeAudienceMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AudienceMembersDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AudienceView"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description A WECHAT_TAG audience */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    syncAudience: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The (new or running) sync job */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAcceptedView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Not a WECHAT_TAG audience */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    listClaimLogs: {
        parameters: {
            query?: {
                /** @description ISO-8601 time, inclusive */
                from?: string;
                /** @description What happened: a claim attempt, a redemption, its undo, or a revocation */
                kind?: "CLAIM" | "REDEEM" | "REDEEM_UNDO" | "REVOKE" | "INVITE" | "REWARD";
                /** @description Follower's openid */
                openid?: string;
                /** @description GRANTED, SOLD_OUT, LIMIT_REACHED, NOT_STARTED, ENDED, PAUSED, REJECTED, ERROR... */
                outcome?: string;
                page?: number;
                pageSize?: number;
                templateId?: number;
                /** @description ISO-8601 time, exclusive */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPageView"];
                };
            };
            /** @description Invalid filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    summarizeClaimLogs: {
        parameters: {
            query: {
                /** @description ISO-8601 time, inclusive */
                from: string;
                templateId?: number;
                /** @description ISO-8601 time, exclusive */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventSummaryView"];
                };
            };
            /** @description Invalid filter */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    changeOwnPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Changed; log in again */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description currentPassword wrong, or newPassword invalid / unchanged */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Too many wrong passwords for this account (shared with login); see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many failed logins; try again later",
                     *       "details": {
                     *         "retryAfterSeconds": 900
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponseDto"];
                };
            };
            /** @description Missing or unknown fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Wrong username or password, or the user is disabled */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Too many failed logins for this account or from this IP; see Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 429,
                     *       "error": "Too Many Requests",
                     *       "message": "Too many failed logins; try again later",
                     *       "details": {
                     *         "retryAfterSeconds": 900
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    getCurrentAdmin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminPrincipalDto"];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    listAdminUsersLegacy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"][];
                };
            };
            /** @description Missing, invalid, expired or revoked token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Caller is not an ADMIN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    createCampaignPush: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCampaignPushDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPushView"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description No such template or audience */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description WeChat refused the send */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getCampaignPush: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPushView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    listCouponTemplates: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: components["schemas"]["TemplateStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponTemplatePage"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    createCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCouponTemplateDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponTemplateView"];
                };
            };
            /** @description Invalid or contradictory fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponTemplateView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    updateCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCouponTemplateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponTemplateView"];
                };
            };
            /** @description Invalid or contradictory fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description expectedVersion mismatch, concurrent edit, or a change not allowed in this status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    activateCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponTemplateView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Illegal status transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    exportTemplateCouponsCsv: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV with a header row */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description id is not an integer */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Unknown template */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    endCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponTemplateView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Illegal status transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    pauseCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponTemplateView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Illegal status transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    searchCoupons: {
        parameters: {
            query?: {
                /** @description claimedAt >= this */
                claimedFrom?: string;
                /** @description claimedAt < this */
                claimedTo?: string;
                /** @description Exact coupon code */
                code?: string;
                /** @description nextCursor from the previous page */
                cursor?: string;
                /** @description Follower's openid */
                openid?: string;
                pageSize?: number;
                /** @description Effective status: EXPIRED includes AVAILABLE coupons past validTo */
                status?: components["schemas"]["CouponStatus"];
                templateId?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponPage"];
                };
            };
            /** @description Invalid parameters or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Coupon code (any case) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponView"];
                };
            };
            /** @description Invalid parameters or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Unknown code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    quoteRedemption: {
        parameters: {
            query: {
                /** @description Order total in cents, before the discount */
                orderAmount: number;
            };
            header?: never;
            path: {
                /** @description Coupon code (any case) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionQuoteView"];
                };
            };
            /** @description Invalid parameters or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Unknown code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    redeemCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Coupon code (any case) */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemCouponDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionResultView"];
                };
            };
            /** @description Invalid parameters or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Unknown code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description ALREADY_USED, REVOKED, EXPIRED, NOT_YET_VALID, OUTSIDE_USAGE_WINDOW, REQUEST_NO_REUSED (same requestNo, different code or amount), REDEMPTION_UNDONE; or lost a concurrent race */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
            /** @description BELOW_THRESHOLD: orderAmountCents is below the template thresholdCents */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 422,
                     *       "error": "Unprocessable Entity",
                     *       "message": "Order amount is below the coupon threshold",
                     *       "details": {
                     *         "reason": "BELOW_THRESHOLD"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    undoRedemption: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Coupon code (any case) */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UndoRedemptionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UndoResultView"];
                };
            };
            /** @description Invalid parameters or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description No such redemption for this code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description UNDO_WINDOW_PASSED */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    revokeCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Coupon code (any case) */
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevokeCouponDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CouponView"];
                };
            };
            /** @description Invalid parameters or body */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Unknown code */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Coupon is not AVAILABLE */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    getDashboardHourly: {
        parameters: {
            query?: {
                /** @description China day, YYYY-MM-DD (default: today) */
                date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HourlyView"];
                };
            };
            /** @description date is not YYYY-MM-DD */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getDashboardSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DashboardSnapshotView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    streamDashboard: {
        parameters: {
            query: {
                /** @description Last event id seen (or the Last-Event-ID header): a fresh snapshot catches up */
                lastEventId?: string;
                /** @description From POST /api/v1/admin/dashboard/stream-ticket (single use) */
                ticket: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description text/event-stream of DashboardSnapshotView */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed ticket */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Unknown, expired or already used ticket */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    createDashboardStreamTicket: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StreamTicketView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    listFissionCampaigns: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: components["schemas"]["FissionStatus"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaignPage"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    createFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFissionCampaignDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaignView"];
                };
            };
            /** @description Invalid fields or unknown template */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description shareKeyword/menuKey already used */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    getFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaignView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    activateFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaignView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Illegal status transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    endFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaignView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Illegal status transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    pauseFissionCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionCampaignView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Illegal status transition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    getFissionCampaignStats: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FissionStatsView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    findFollowersByPhone: {
        parameters: {
            query: {
                /** @description Mainland mobile number (11 digits, 1[3-9]...), matched via a blind index */
                phone: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching followers (possibly none) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowerList"];
                };
            };
            /** @description Invalid phone or openid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getFollower: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                openid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowerView"];
                };
            };
            /** @description Invalid phone or openid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description No follower with this openid */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getJob: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GrowthJobView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getStatsOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewStatsView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getTemplateStats: {
        parameters: {
            query?: {
                /** @description Default: 24 h before `to` */
                from?: string;
                /** @description Default: now */
                to?: string;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TemplateStatsView"];
                };
            };
            /** @description Bad id or range (max 31 days) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Unknown template */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    listAdminUsers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"][];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Caller is not an ADMIN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    createAdminUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAdminUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"];
                };
            };
            /** @description Invalid fields */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Caller is not an ADMIN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Username taken */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    disableAdminUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Caller is not an ADMIN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Cannot disable yourself */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 409,
                     *       "error": "Conflict",
                     *       "message": "Coupon has already been used",
                     *       "details": {
                     *         "reason": "ALREADY_USED"
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
        };
    };
    enableAdminUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminUserView"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Caller is not an ADMIN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    resetAdminUserPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResetPasswordDto"];
            };
        };
        responses: {
            /** @description Password replaced */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Password too short/long */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Caller is not an ADMIN */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getWechatMenu: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WechatMenuDto"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description WeChat refused or is unreachable */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    publishWechatMenu: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WechatMenuDto"];
            };
        };
        responses: {
            /** @description The menu as published */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WechatMenuDto"];
                };
            };
            /** @description Invalid menu; details name each problem by path, e.g. button[1].sub_button[5] */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description WeChat refused or is unreachable */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    listWechatTags: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WechatTagList"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description WeChat refused or is unreachable */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    createWechatTag: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWechatTagDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWechatTag"];
                };
            };
            /** @description Name empty or over 30 bytes */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Duplicate name (details.errcode 45157) or too many tags (45056) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiRefusalResponse"];
                };
            };
            /** @description WeChat refused or is unreachable */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    tagFollowersFromCoupons: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tagId: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TagFromCouponsDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JobAcceptedView"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 400,
                     *       "error": "Bad Request",
                     *       "message": "Validation failed: amountCents must be an integer number",
                     *       "details": [
                     *         {
                     *           "field": "amountCents",
                     *           "errors": [
                     *             "amountCents must be an integer number"
                     *           ]
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Missing or invalid bearer token */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 401,
                     *       "error": "Unauthorized",
                     *       "message": "Missing bearer token"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description Role may not do this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 403,
                     *       "error": "Forbidden",
                     *       "message": "Role VIEWER may not perform this action"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description No such template or tag */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "statusCode": 404,
                     *       "error": "Not Found",
                     *       "message": "Coupon template 12 not found"
                     *     }
                     */
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
            /** @description WeChat refused or is unreachable */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiErrorResponse"];
                };
            };
        };
    };
    getJssdkConfig: {
        parameters: {
            query: {
                /** @description The page URL (its #fragment is ignored); must be one of our H5 pages */
                url: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JssdkConfigView"];
                };
            };
            /** @description url missing, malformed or not one of our pages */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    claimShareCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The share token of the link */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareClaimView"];
                };
            };
            /** @description Forged or malformed link (details.reason) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No follower session (open the page in WeChat first) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Cross-site request */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The link expired with its campaign */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example ok */
                        status?: string;
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example error */
                        status?: string;
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example ok */
                        status?: string;
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example error */
                        status?: string;
                    };
                };
            };
        };
    };
}
