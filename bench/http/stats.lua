-- Counts non-2xx responses per wrk thread and prints one machine-readable RESULT line at the
-- end, so that run.sh does not have to parse wrk's human-readable summary.
local threads = {}

function setup(thread)
    thread:set("thread_number", #threads + 1)
    table.insert(threads, thread)
end

non_2xx = 0

function response(status, headers, body)
    if status < 200 or status > 299 then
        non_2xx = non_2xx + 1
    end
end

function done(summary, latency, requests)
    local non_2xx_total = 0
    for _, thread in ipairs(threads) do
        non_2xx_total = non_2xx_total + thread:get("non_2xx")
    end
    local errors = summary.errors
    local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
    io.write(string.format("RESULT %d %.6f %.3f %.3f %.3f %d %d\n",
        summary.requests, summary.duration / 1e6,
        latency:percentile(50) / 1000, latency:percentile(90) / 1000,
        latency:percentile(99) / 1000, non_2xx_total, socket_errors))
end
