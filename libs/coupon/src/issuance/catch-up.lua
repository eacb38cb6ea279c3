-- MySQL proved Redis is behind (unique-key clash): raise the counters to what MySQL holds.
-- Counters only move up, so this is safe to run concurrently with claims.
-- KEYS[1] issued  KEYS[2] users hash  KEYS[3] request result
-- ARGV[1] openid  ARGV[2] max stock_seq in MySQL  ARGV[3] follower's max user_seq in MySQL
if tonumber(redis.call('GET', KEYS[1]) or '0') < tonumber(ARGV[2]) then
  redis.call('SET', KEYS[1], ARGV[2])
end
if tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0') < tonumber(ARGV[3]) then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
end
redis.call('DEL', KEYS[3])
return 1
