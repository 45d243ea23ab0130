-- wrk script for Benchmarks/serve.sh: with IDS_FILE, GET /v1/people/{id}/clearance rotating over the ids in the file
-- (one a line), each wrk thread starting at its own place; with BODY_FILE, POST /v1/check of the file's JSON. TOKEN is
-- sent as a bearer token. At the end it prints one line of JSON with the counts and latencies in microseconds.
local token = os.getenv("TOKEN")
local ids = {}
local body = nil
local checkRequest = nil
local counter = 0
local threads = {}

function setup(thread)
    thread:set("offset", #threads * 7919)
    table.insert(threads, thread)
end

function init(args)
    wrk.headers["Authorization"] = "Bearer " .. token
    local idsFile = os.getenv("IDS_FILE")
    if idsFile then
        -- Every request is formatted once here, so the client spends as little of the shared cores as it can.
        for line in io.lines(idsFile) do table.insert(ids, wrk.format("GET", "/v1/people/" .. line .. "/clearance")) end
    end
    local bodyFile = os.getenv("BODY_FILE")
    if bodyFile then
        local file = io.open(bodyFile, "r")
        body = file:read("*a")
        file:close()
        wrk.method = "POST"
        wrk.body = body
        wrk.headers["Content-Type"] = "application/json"
        checkRequest = wrk.format(nil, "/v1/check")
    end
    counter = offset or 0
end

function request()
    if body then
        return checkRequest
    end
    counter = counter + 1
    return ids[(counter % #ids) + 1]
end

function done(summary, latency, requests)
    local errors = summary.errors
    io.write(string.format(
        '{"requests": %d, "seconds": %.3f, "p50_us": %d, "p90_us": %d, "p99_us": %d, "max_us": %d, "mean_us": %.1f, ' ..
        '"non_2xx": %d, "connect_errors": %d, "read_errors": %d, "write_errors": %d, "timeouts": %d}\n',
        summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(90), latency:percentile(99),
        latency.max, latency.mean, errors.status, errors.connect, errors.read, errors.write, errors.timeout))
end
