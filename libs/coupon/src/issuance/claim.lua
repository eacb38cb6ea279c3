-- Atomic claim gate for one template: the ONE Redis round trip of a claim. All keys share the hash
-- tag {t:<id>} (Redis Cluster safe).
-- KEYS[1] meta hash (status, startsAt, endsAt, total, limit, version, daily, kw, menu, welcome)
-- KEYS[2] issued counter      KEYS[3] per-user counts hash
-- KEYS[4] free stock seqs set KEYS[5] request result (WeChat retry de-duplication)
-- KEYS[6] claims granted today (China day), checked against meta 'daily' (0 = no cap)
-- KEYS[7] the follower's claim-rate counter on this template (fixed window)
-- KEYS[8] the template's audience members (SET; '.' marks it loaded), used when meta 'aud' is set
-- ARGV[1] openid  ARGV[2] coupon code to hand out  ARGV[3] request result TTL (seconds)
-- ARGV[4] route field ('kw' | 'menu' | 'welcome', '' = no check)  ARGV[5] the route's value
-- ARGV[6] claim-rate limit (0 = off)  ARGV[7] claim-rate window (ms)
-- Returns {outcome, stockSeq, userSeq, code, version}; DUP returns the stored result;
-- ROUTE_STALE: the template no longer answers to this keyword/menu key (a cached route is stale).
local seen = redis.call('GET', KEYS[5])
if seen then return {'DUP', seen} end

local m = redis.call('HMGET', KEYS[1], 'status', 'startsAt', 'endsAt', 'total', 'limit', 'version', 'daily', 'aud')
if not m[1] then return {'NO_STATE'} end
local version = m[6]

-- Only a live (ACTIVE or PAUSED) template owns its keyword / menu key.
if ARGV[4] ~= '' then
  if (m[1] ~= 'ACTIVE' and m[1] ~= 'PAUSED') or redis.call('HGET', KEYS[1], ARGV[4]) ~= ARGV[5] then
    return {'ROUTE_STALE', 0, 0, '', version}
  end
end

local function remember(outcome, stockSeq, userSeq, code)
  local value = outcome .. '|' .. stockSeq .. '|' .. userSeq .. '|' .. code
  redis.call('SET', KEYS[5], value, 'EX', tonumber(ARGV[3]))
  return {outcome, stockSeq, userSeq, code, version}
end

if m[1] ~= 'ACTIVE' then return {m[1], 0, 0, '', version} end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if now < tonumber(m[2]) then return {'NOT_STARTED', 0, 0, '', version} end
if now > tonumber(m[3]) then return {'ENDED', 0, 0, '', version} end

-- Audience gate (issue #12): only members may claim, checked before any counter moves. A set
-- without its '.' marker was lost (flush, eviction): NO_STATE makes the caller rebuild it.
if m[8] and m[8] ~= '' and redis.call('SISMEMBER', KEYS[8], ARGV[1]) == 0 then
  if redis.call('SISMEMBER', KEYS[8], '.') == 0 then return {'NO_STATE'} end
  return remember('NOT_IN_AUDIENCE', 0, 0, '')
end

-- Per-follower claim rate (abuse guard): every new claim message counts once; its retries get the
-- stored decision above and are not counted again.
local rateLimit = tonumber(ARGV[6])
if rateLimit > 0 then
  local n = redis.call('INCR', KEYS[7])
  if n == 1 then redis.call('PEXPIRE', KEYS[7], ARGV[7]) end
  if n > rateLimit then return remember('RATE_LIMITED', 0, 0, '') end
end

local mine = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
if mine >= tonumber(m[5]) then return remember('LIMIT_REACHED', 0, mine, '') end
local daily = tonumber(m[7] or '0')
if daily > 0 and tonumber(redis.call('GET', KEYS[6]) or '0') >= daily then
  return remember('DAILY_LIMIT_REACHED', 0, mine, '')
end

local stockSeq = redis.call('SPOP', KEYS[4])
if stockSeq then
  stockSeq = tonumber(stockSeq)
else
  local issued = tonumber(redis.call('GET', KEYS[2]) or '0')
  if issued >= tonumber(m[4]) then return remember('SOLD_OUT', 0, mine, '') end
  stockSeq = redis.call('INCR', KEYS[2])
end
local userSeq = redis.call('HINCRBY', KEYS[3], ARGV[1], 1)
-- Never given back on release: a lost slot only makes the day's cap refuse early (fail safe).
if daily > 0 and redis.call('INCR', KEYS[6]) == 1 then redis.call('EXPIRE', KEYS[6], 172800) end
return remember('GRANTED', stockSeq, userSeq, ARGV[2])
