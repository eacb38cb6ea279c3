-- Gives back a granted slot whose MySQL row could not be written, so stock is not lost.
-- KEYS[1] issued  KEYS[2] users hash  KEYS[3] free seqs set  KEYS[4] request result
-- ARGV[1] openid  ARGV[2] stockSeq  ARGV[3] userSeq
if redis.call('GET', KEYS[1]) == ARGV[2] then
  redis.call('DECR', KEYS[1])
else
  redis.call('SADD', KEYS[3], ARGV[2])
end
-- A later claim by the same follower may already hold a higher seq; then the gap stays (fail safe).
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[3] then
  redis.call('HINCRBY', KEYS[2], ARGV[1], -1)
end
redis.call('DEL', KEYS[4])
return 1
