-- make bench, mixed workload: wrk's connections go through the public pages and API lists in
-- turn (the paths listed in the file given after --), and the summary is printed as JSON.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then
      table.insert(paths, line)
    end
  end
  -- Each thread starts at another place in the list.
  counter = math.random(#paths)
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["Accept-Language"] = "en" })
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '\nMIXED {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
      .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), errors.connect, errors.read, errors.write, errors.status,
    errors.timeout
  ))
end
