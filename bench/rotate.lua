-- wrk script: request the paths listed in $BENCH_PATHS in turn, each thread from its own
-- starting point, and print a JSON summary line at the end. With $BENCH_REQUEST_IDS set,
-- each request carries "X-Request-ID: <prefix><n>", n the path's line in $BENCH_PATHS, which
-- the request log keeps (bench/run.py reads it back to tell "/" from "/?page=2").
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local id_prefix = os.getenv("BENCH_REQUEST_IDS")

local counter = 0
local thread_number = 0
local prepared = nil

function setup(thread)
  thread:set("offset", thread_number * 97)
  thread_number = thread_number + 1
end

function init(args)
  counter = offset or 0
  if id_prefix and id_prefix ~= "" then
    prepared = {}
    for n, path in ipairs(paths) do
      prepared[n] = wrk.format("GET", path, {["X-Request-ID"] = id_prefix .. n})
    end
  end
end

function request()
  counter = counter + 1
  local n = (counter % #paths) + 1
  if prepared then return prepared[n] end
  return wrk.format("GET", paths[n])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, "p50_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(99)))
end
