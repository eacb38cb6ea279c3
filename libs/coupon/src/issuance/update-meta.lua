-- Changes meta fields only when the state is already loaded; a missing meta must stay missing so
-- the next claim rebuilds the full state from MySQL instead of trusting a partial hash.
-- KEYS[1] meta; ARGV = field/value pairs
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
-- Edits may publish out of order across instances: never let an older version overwrite a newer.
local current = tonumber(redis.call('HGET', KEYS[1], 'version') or '0')
for i = 1, #ARGV, 2 do
  if ARGV[i] == 'version' and tonumber(ARGV[i + 1]) < current then return 0 end
end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
