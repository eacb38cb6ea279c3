-- MySQL proved Redis is behind (unique-key clash). First give back what the clashing attempt took
-- but MySQL does not hold (as release.lua does), else a lowered issued counter would leave the
-- follower's count taken ("already claimed" with no coupon) and a lowered follower count would
-- leave the stock slot taken (sold out early). Then raise the counters to what MySQL holds.
-- Counters only move up past MySQL's, so this is safe to run concurrently with claims.
-- KEYS[1] issued  KEYS[2] users hash  KEYS[3] request result  KEYS[4] free stock seqs set
-- ARGV[1] openid  ARGV[2] max stock_seq in MySQL  ARGV[3] follower's max user_seq in MySQL
-- ARGV[4] the attempt's stock seq if MySQL does not hold it, else 0
-- ARGV[5] the attempt's user seq if MySQL does not hold it, else 0
if ARGV[4] ~= '0' then
  if redis.call('GET', KEYS[1]) == ARGV[4] then
    redis.call('DECR', KEYS[1])
  else
    redis.call('SADD', KEYS[4], ARGV[4])
  end
end
if ARGV[5] ~= '0' and redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[5] then
  redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
end
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[2])
end
if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') < tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
end
redis.call('DEL', KEYS[3])
return 1
