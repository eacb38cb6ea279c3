-- Changes meta fields only when the state is already loaded; a missing meta must stay missing so
-- the next claim rebuilds the full state from MySQL instead of trusting a partial hash.
-- KEYS[1] meta; ARGV = field/value pairs
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
