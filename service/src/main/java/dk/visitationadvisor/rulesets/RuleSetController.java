package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.rulesets.RuleSetChecks.CoverageReport;
import dk.visitationadvisor.rulesets.RuleSetChecks.ScenarioReport;
import dk.visitationadvisor.rulesets.RuleSetChecks.ValidationReport;
import dk.visitationadvisor.assessment.PlausibleDate;
import dk.visitationadvisor.casehistory.CaseHistory;
import dk.visitationadvisor.platform.http.NotFoundException;
import dk.visitationadvisor.platform.http.RequestReader;
import dk.visitationadvisor.security.AccessAudit;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.security.Purpose;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Rule authoring over HTTP: check a candidate rule set, run the scenarios against it, and preview what
 * it would change in stored assessments; making it live is the activation's ({@code ActivationController}).
 * See docs/rule-authoring.md.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/rule-sets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Rule sets", description = "Validate, test, preview and activate rule sets")
public class RuleSetController {

    private static final String CANDIDATE_DESCRIPTION = "Changed files on top of the live rule set (or of "
            + "`basedOn`), or with `complete: true` the whole rule set.";
    /** Every check of a candidate runs in a worker process with time and memory limits (docs/security.md). */
    public static final String STOPPED = "; or its check ran past its time or memory and was stopped "
            + "(`/problems/candidate-stopped`). The live rules stay as they are";
    public static final String BUSY = "As many checks run as the service allows at once "
            + "(`/problems/candidate-checks-busy`): try again after `Retry-After` seconds";

    private final RequestReader requests;
    private final Candidates candidates;
    private final RuleSetChecks checks;
    private final ImpactPreview impact;
    private final AccessAudit audit;
    private final CaseHistory history;

    RuleSetController(RequestReader requests, Candidates candidates, RuleSetChecks checks, ImpactPreview impact,
            AccessAudit audit, CaseHistory history) {
        this.audit = audit;
        this.history = history;
        this.requests = requests;
        this.candidates = candidates;
        this.checks = checks;
        this.impact = impact;
    }

    @Operation(operationId = "validateRuleSet", summary = "Check a candidate rule set", description = "Compiles it and checks every rule's metadata, "
            + "sources and parameters. Answers every error and warning with file and line; nothing goes live. "
            + CANDIDATE_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "The report, also when the candidate does not build",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "Its check ran past its time or memory and was stopped "
            + "(`/problems/candidate-stopped`)")
    @ApiResponse(responseCode = "503", description = BUSY)
    @PostMapping(path = "/validation", consumes = MediaType.APPLICATION_JSON_VALUE)
    ValidationReport validate(@CandidateBody @RequestBody JsonNode body) {
        return checks.validate(candidate(body));
    }

    @Operation(operationId = "runScenarios", summary = "Run every scenario against a candidate rule set",
            description = "Per scenario: passed, or how the answer differs from what it expects. " + CANDIDATE_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "The report", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "The candidate does not build: every error, with file and line"
            + STOPPED)
    @ApiResponse(responseCode = "503", description = BUSY)
    @PostMapping(path = "/scenario-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    ScenarioReport test(@CandidateBody @RequestBody JsonNode body) {
        return checks.test(candidate(body));
    }

    @Operation(operationId = "ruleSetCoverage", summary = "What the scenarios leave untested in a candidate rule set",
            description = "The rules no scenario makes fire, and the codes no scenario mentions. " + CANDIDATE_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "The report", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "The candidate does not build: every error, with file and line"
            + STOPPED)
    @ApiResponse(responseCode = "503", description = BUSY)
    @PostMapping(path = "/coverage", consumes = MediaType.APPLICATION_JSON_VALUE)
    CoverageReport coverage(@CandidateBody @RequestBody JsonNode body) {
        return checks.coverage(candidate(body));
    }

    @Operation(operationId = "previewRuleSetImpact", summary = "Preview what a candidate rule set would change",
            description = "Answers the stored assessments dated from `from` to `to` (all when not given) with the live "
                    + "rule set and with the candidate, and reports which answers differ: counts per kind of change, "
                    + "and per changed assessment before, after and the rules responsible. With `asOf`, both rule sets "
                    + "judge every assessment with the parameter values in force on that date (to see a value dated "
                    + "ahead at work); without it, each with those of its own date. The period must hold at least "
                    + "`advisor.rules.impact.minimum-assessments` stored assessments (10 unless the municipality set "
                    + "another number). Read-only. " + CANDIDATE_DESCRIPTION)
    @ApiResponse(responseCode = "200", description = "The report", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "422", description = "The candidate does not build (`/problems/invalid-rule-set`: every "
            + "error, with file and line); the period holds too few assessments (`/problems/too-few-assessments`, with "
            + "`found` and `minimum`)" + STOPPED)
    @ApiResponse(responseCode = "503", description = BUSY)
    @PostMapping(path = "/impact", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Audited(Purpose.IMPACT_PREVIEW)
    ImpactReport impact(@CandidateBody @RequestBody JsonNode body,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate to,
            @io.swagger.v3.oas.annotations.Parameter(description = "Judge every assessment with the parameter values "
                    + "in force on this date, with both rule sets")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @PlausibleDate LocalDate asOf,
            @RequestParam(defaultValue = "1000") @Min(0) @Max(100_000) int limit,
            org.springframework.security.core.Authentication caller) {
        ImpactReport report = impact.preview(candidate(body), from, to, asOf, limit);
        // One act over many cases: one audit entry, with the candidate's version and how many cases it read.
        audit.noteSummary("candidate " + report.candidateVersion(), history.casesAssessedBetween(from, to));
        // Only a caseworker may read cases: anyone else sees each changed assessment under a pseudonym.
        boolean readsCases = caller != null && caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + dk.visitationadvisor.security.Role.CASEWORKER.name()));
        return readsCases ? report : report.withoutCaseReferences();
    }

    @Operation(operationId = "ruleSetFiles", summary = "The files of a rule-set version on record",
            description = "Every rule, parameter and source file, by path: to start a candidate from, or to see what "
                    + "answered an assessment.")
    @GetMapping("/{version}/files")
    Map<String, String> files(@PathVariable String version) {
        return candidates.filesOf(version).orElseThrow(() -> new NotFoundException("rule set"));
    }

    private CandidateRuleSet candidate(JsonNode body) {
        return requests.read(body, CandidateRuleSet.class);
    }
}
