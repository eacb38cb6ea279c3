-- Atomic claim gate for one template. All keys share the hash tag {t:<id>} (Redis Cluster safe).
-- KEYS[1] meta hash (status, startsAt, endsAt, total, limit, version)
-- KEYS[2] issued counter      KEYS[3] per-user counts hash
-- KEYS[4] free stock seqs set KEYS[5] request result (WeChat retry de-duplication)
-- KEYS[6] claims granted today (China day), checked against meta 'daily' (0 = no cap)
-- ARGV[1] openid  ARGV[2] coupon code to hand out  ARGV[3] request result TTL (seconds)
-- Returns {outcome, stockSeq, userSeq, code, version}; outcome DUP returns the stored result.
local seen = redis.call('GET', KEYS[5])
if seen then return {'DUP', seen} end

local m = redis.call('HMGET', KEYS[1], 'status', 'startsAt', 'endsAt', 'total', 'limit', 'version', 'daily')
if not m[1] then return {'NO_STATE'} end
local version = m[6]

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
