-- Reconciler: a follower's count took slots whose rows never reached MySQL (the instance died
-- between the claim script and its INSERT). Lower it so the follower can claim again, but only
-- if it is still the value the reconciler saw missing for the grace period (compare-and-set):
-- a claim that moved it meanwhile wins, and the next pass looks again.
-- KEYS[1] per-user counts hash
-- ARGV[1] openid  ARGV[2] count seen  ARGV[3] count to set (first seq missing from MySQL - 1)
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
if tonumber(ARGV[3]) > 0 then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
else
  redis.call('HDEL', KEYS[1], ARGV[1])
end
return 1
