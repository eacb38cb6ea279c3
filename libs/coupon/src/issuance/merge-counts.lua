-- Rebuild step: merge MySQL's per-follower counts into the users hash, never lowering one
-- (a claim granted by Redis may not have reached MySQL yet).
-- KEYS[1] users hash; ARGV = openid1, count1, openid2, count2, ...
for i = 1, #ARGV, 2 do
  if tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0') < tonumber(ARGV[i + 1]) then
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
return 1
