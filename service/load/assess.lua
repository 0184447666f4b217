-- wrk script: POST a realistic family, each request a case of its own, to the path given as argument.
-- Usage: wrk -s assess.lua http://127.0.0.1:PORT -- /api/v1/assessments
local counter = 0
local path = "/api/v1/assessments"
-- The service asks who is calling: the load scripts export the header value (docs/security.md).
local authorization = os.getenv("ADVISOR_AUTHORIZATION")

function init(args)
  if args[1] then path = args[1] end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
end

function request()
  counter = counter + 1
  local body = string.format([[{"caseRef": "LOAD-%d-N%d", "assessmentDate": "2026-11-22",
    "pregnancy": {"gestationalWeek": 24},
    "parents": [{"role": "MOTHER", "riskFactors": ["LOW_MENTALIZATION", "CHILDHOOD_TRAUMA"],
      "substanceUse": "NONE", "retentionAgreement": false, "mentalIllness": "MILD_MODERATE",
      "cognitiveFunction": "NORMAL"}],
    "concern": {"level": "SIGNIFICANT", "childSafetyConcern": true, "doubtAboutParentingCapacity": true,
      "placementNecessary": false},
    "consent": true, "housing": "STABLE", "network": "LIMITED"}]], math.random(1, 1000000000), counter)
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["Authorization"] = authorization}, body)
end
