-- Rebuild/activation final step: raise issued, add free seqs, then write meta last. Meta is the
-- "state complete" marker: claims answer NO_STATE (and wait) until it exists.
-- KEYS[1] meta  KEYS[2] issued  KEYS[3] free seqs
-- ARGV[1] issued from MySQL  ARGV[2] comma-separated free seqs ('' for none)  ARGV[3..] meta field/value pairs
if tonumber(redis.call('GET', KEYS[2]) or '0') < tonumber(ARGV[1]) then
  redis.call('SET', KEYS[2], ARGV[1])
end
for seq in string.gmatch(ARGV[2], '[^,]+') do redis.call('SADD', KEYS[3], seq) end
-- A free seq beyond the stock can never become a row (the guarded INSERT refuses it): drop it,
-- or every claim that pops it is refused, gives it back and pops it again.
for i = 3, #ARGV, 2 do
  if ARGV[i] == 'total' then
    for _, seq in ipairs(redis.call('SMEMBERS', KEYS[3])) do
      if tonumber(seq) > tonumber(ARGV[i + 1]) then redis.call('SREM', KEYS[3], seq) end
    end
  end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
return 1
