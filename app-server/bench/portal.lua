-- wrk script: replays pre-sealed callbacks (one line each: "<path?query>\t<body>"), every request a
-- different message, each wrk thread taking every n-th line so no two threads send the same one.
local requests = {}
local position = 0
local step = 1
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  local file = assert(io.open(args[1], "r"))
  for line in file:lines() do
    local path, body = line:match("([^\t]+)\t(.*)")
    requests[#requests + 1] = { path = path, body = body }
  end
  file:close()
  step = tonumber(args[2])
  position = tid - 1
end

function request()
  local r = requests[(position % #requests) + 1]
  position = position + step
  return wrk.format("POST", r.path, { ["Content-Type"] = "text/xml" }, r.body)
end
