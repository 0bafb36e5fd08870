-- Registration POSTs for wrk: every request registers a different person, so that each one
-- is a real durable write (a registration or a place on the waiting list).
-- Usage: wrk -s bench/http/register.lua <url of .../registrations> -- <run tag>
dofile("bench/http/stats.lua")

local run_tag = "run"
local sequence = 0

function init(args)
    run_tag = args[1] or run_tag
end

function request()
    sequence = sequence + 1
    local who = string.format("%s-%d-%d", run_tag, thread_number or 1, sequence)
    local body = string.format(
        '{"name": "Bench Deelnemer %s", "email": "bench-%s@example.org", "group": "Bewoner"}',
        who, who)
    return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end
