package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.assessment.AnswerAdditions;
import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.casehistory.CaseHistory;
import dk.visitationadvisor.casehistory.CaseSummary;
import dk.visitationadvisor.casehistory.Decision;
import dk.visitationadvisor.casehistory.DecisionRequest.DecidedProgramme;
import dk.visitationadvisor.casehistory.DecisionRequest.DecisionOutcome;
import dk.visitationadvisor.casehistory.DecisionRequest;
import dk.visitationadvisor.casehistory.Decisions;
import dk.visitationadvisor.casehistory.StoredAssessment;
import dk.visitationadvisor.security.AccessAudit;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.platform.validation.NotCprShapedValidator;
import dk.visitationadvisor.security.Purpose;
import dk.visitationadvisor.platform.http.InvalidRequestException;
import dk.visitationadvisor.platform.http.RequestReader;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The caseworker's pages: the form, the explained recommendation, and a case's timeline. The form is
 * read into the same request, by the same reader, as the JSON API's, so its messages are the API's.
 */
@Controller
class CaseworkerController {

    /** The most assessments a timeline page shows; the case history pages by this many at the most. */
    private static final int TIMELINE_SIZE = CaseHistory.MAX_PAGE_SIZE;
    /** The most cases the case list shows. */
    private static final int CASE_LIST_SIZE = 25;

    private final AssessmentService assessments;
    private final CaseHistory history;
    private final RequestReader requests;
    private final JsonMapper json;
    private final Clock clock;
    private final MessageSource messages;
    private final Labels labels;
    private final AccessAudit audit;
    private final Decisions decisions;
    private final FormSubmissions submissions;
    private final FormDrafts drafts;
    private final AnswerAdditions whatIf;
    /** A case reference as the API takes it (AssessmentRequest's pattern), for a draft's key. */
    private static final Pattern DRAFT_CASE_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");

    CaseworkerController(AssessmentService assessments, CaseHistory history, RequestReader requests, JsonMapper json,
            Clock clock, MessageSource messages, Labels labels, AccessAudit audit, Decisions decisions,
            FormSubmissions submissions, FormDrafts drafts, AnswerAdditions whatIf) {
        this.whatIf = whatIf;
        this.audit = audit;
        this.drafts = drafts;
        this.submissions = submissions;
        this.decisions = decisions;
        this.assessments = assessments;
        this.history = history;
        this.requests = requests;
        this.json = json;
        this.clock = clock;
        this.messages = messages;
        this.labels = labels;
    }

    /** The form: blank, or filled in from an earlier assessment ({@code from}) to assess the family again. */
    @GetMapping("/")
    @Audited(Purpose.REASSESSMENT_FORM)
    String form(@RequestParam(required = false) String from, @RequestParam(required = false) String draft,
            Principal caller, Model model) {
        LocalDate today = LocalDate.now(clock);
        if (from != null) {
            audit.note(null, from);
        }
        if (draft != null) {
            audit.note(draft, null);
            return showForm(drafts.find(draft, caller.getName()).map(FamilyForm::submitted)
                    .orElseGet(() -> FamilyForm.blank(today)), model);
        }
        if (from == null) {
            List<String> mine = drafts.cases(caller.getName());
            mine.forEach(caseRef -> audit.note(caseRef, null));
            model.addAttribute("drafts", mine);
        }
        FamilyForm form = from == null ? FamilyForm.blank(today)
                : FamilyForm.prefilled(json.readTree(history.request(from).orElseThrow(CaseworkerController::notFound)),
                        history.answer(from).map(answer -> json.readValue(answer, AssessmentResponse.class))
                                .map(AssessmentResponse::assessmentDate).orElse(null),
                        today);
        return showForm(form, model);
    }

    /** Assesses the family and stores the answer; shows the form again, with messages, when a value is refused. */
    @PostMapping("/assessments")
    @Audited(Purpose.ASSESSMENT)
    String assess(@RequestParam MultiValueMap<String, String> parameters, Locale locale, Principal caller,
            Model model, HttpServletResponse response) {
        FamilyForm form = FamilyForm.submitted(parameters);
        model.addAttribute("submission", FormSubmissions.usable(parameters.getFirst("submission"))
                ? parameters.getFirst("submission") : UUID.randomUUID().toString());
        AssessmentRequest request = null;
        try {
            request = requests.read(form.toRequest(code -> messages.getMessage(code, null, locale)),
                    AssessmentRequest.class);
        } catch (InvalidRequestException invalid) {
            invalid.problems().forEach(problem -> form.reject(problem.field(), problem.message()));
        }
        if (form.hasErrors()) {
            if (cprShaped(form.value("caseRef"))) {
                form.clear("caseRef");
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showForm(form, model);
        }
        String token = parameters.getFirst("submission");
        if (submissions.claim(token, caller.getName()) instanceof FormSubmissions.Claim.Before before) {
            audit.note(request.caseRef(), before.assessmentId());
            return "redirect:/assessments/" + before.assessmentId();
        }
        String id = null;
        try {
            id = assessments.assess(request, locale, caller.getName()).response().assessmentId();
            submissions.made(token, id);
            drafts.delete(request.caseRef(), caller.getName());
        } finally {
            if (id == null) {
                submissions.release(token);
            }
            audit.note(request.caseRef(), id);
        }
        return "redirect:/assessments/" + id;
    }

    /**
     * Keeps what the caseworker has typed so far as their draft for the case (sent by the page while
     * they type), so that an ended session loses nothing. Without a usable case reference nothing is kept.
     */
    @PostMapping("/drafts")
    @Audited(Purpose.DRAFT)
    ResponseEntity<Void> saveDraft(@RequestParam MultiValueMap<String, String> parameters, Principal caller) {
        FamilyForm form = FamilyForm.submitted(parameters);
        String caseRef = form.value("caseRef").trim();
        if (caseRef.length() <= 64 && DRAFT_CASE_REF.matcher(caseRef).matches() && !cprShaped(caseRef)) {
            drafts.save(caseRef, caller.getName(), form.values());
            audit.note(caseRef, null);
        }
        return ResponseEntity.noContent().build();
    }

    /** The answer exactly as it was given and stored, whatever the rules say today, and the decision on it. */
    @GetMapping("/assessments/{assessmentId}")
    @Audited(Purpose.READ_ASSESSMENT)
    String result(@PathVariable String assessmentId, Model model) {
        showResult(assessmentId, model);
        model.addAttribute("decision", DecisionView.of(decisions.find(assessmentId).orElse(null),
                decisions.history(assessmentId)));
        return "caseworker/result";
    }

    /**
     * The result page with the what-if analysis the caseworker asked for ({@code rank}: the missing facts
     * ranked by consequence; {@code counterfactuals}: what would have to be different): the stored request
     * previewed through today's rules, on its date, against the assessment it was compared with. Nothing is
     * stored; the read is audited as a preview of the case.
     */
    @GetMapping("/assessments/{assessmentId}/what-if")
    @Audited(Purpose.PREVIEW)
    String whatIf(@PathVariable String assessmentId, @RequestParam(defaultValue = "false") boolean rank,
            @RequestParam(defaultValue = "false") boolean counterfactuals, Locale locale, Model model) {
        StoredAssessment stored = history.assessment(assessmentId).orElseThrow(CaseworkerController::notFound);
        AssessmentResponse answer = showResult(assessmentId, model);
        AnswerAdditions.Asked asked = new AnswerAdditions.Asked(rank, counterfactuals);
        model.addAttribute("whatIf", asked.equals(AnswerAdditions.Asked.NOTHING) ? WhatIfView.NONE
                : WhatIfView.of(answer, assessments.preview(stored, locale, whatIf.additions(stored, locale, asked))));
        model.addAttribute("decision", DecisionView.of(decisions.find(assessmentId).orElse(null),
                decisions.history(assessmentId)));
        return "caseworker/result";
    }

    /**
     * Records the caseworker's decision on the assessment, or amends the one on record (which is kept in
     * its history), as decided by the signed-in person; the result page again with messages when refused.
     */
    @PostMapping("/assessments/{assessmentId}/decision")
    @Audited(Purpose.DECISION)
    String decide(@PathVariable String assessmentId, @RequestParam(defaultValue = "") String outcome,
            @RequestParam(defaultValue = "") String decidedProgramme, @RequestParam(defaultValue = "") String reason,
            Principal caller, Locale locale, Model model, HttpServletResponse response) {
        AssessmentResponse answer = showResult(assessmentId, model);
        String programme = outcome.equals(DecisionOutcome.FOLLOWED.name())
                ? (answer.recommendedProgramme() == null ? DecidedProgramme.NONE.name()
                        : answer.recommendedProgramme().name())
                : decidedProgramme;
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        Map<String, String> entered = new LinkedHashMap<>();
        entered.put("outcome", outcome);
        entered.put("decidedProgramme", decidedProgramme);
        entered.put("reason", reason);
        entered.forEach((field, value) -> {
            if (!value.isBlank()) {
                body.put(field, value);
            }
        });
        if (!programme.isBlank()) {
            body.put("decidedProgramme", programme);
        }
        Map<String, List<String>> errors = new LinkedHashMap<>();
        try {
            DecisionRequest request = requests.read(body, DecisionRequest.class);
            Decisions.Recorded recorded = decisions.find(assessmentId).isPresent()
                    ? decisions.amend(assessmentId, request, caller.getName())
                    : decisions.record(assessmentId, request, caller.getName());
            if (recorded instanceof Decisions.Recorded.NotWhatWasRecommended) {
                errors.put("outcome", List.of(messages.getMessage("decision.page.notRecommended", null, locale)));
            } else {
                return "redirect:/assessments/" + assessmentId + "#decision";
            }
        } catch (InvalidRequestException invalid) {
            invalid.problems().forEach(problem -> errors.computeIfAbsent(problem.field(), f -> new ArrayList<>())
                    .add(problem.message()));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        Decision current = decisions.find(assessmentId).orElse(null);
        model.addAttribute("decision", new DecisionView(current, decisions.history(assessmentId), entered, errors));
        return "caseworker/result";
    }

    /**
     * A journal note of one assessment for the case file, to print or save as PDF: who assessed the
     * family when, the facts given and unknown, the escalations, the recommendation with its reasons and
     * sources, the decision, and the rule set's version. At most two A4 pages.
     */
    @GetMapping("/assessments/{assessmentId}/note")
    @Audited(Purpose.READ_ASSESSMENT)
    String note(@PathVariable String assessmentId, Model model) {
        StoredAssessment stored = history.assessment(assessmentId).orElseThrow(CaseworkerController::notFound);
        AssessmentResponse answer = json.readValue(stored.responseJson(), AssessmentResponse.class);
        JsonNode request = json.readTree(stored.requestJson());
        model.addAttribute("result", ResultView.of(answer, request));
        model.addAttribute("stored", stored);
        model.addAttribute("inputs", NoteView.of(request, labels));
        model.addAttribute("decision", DecisionView.of(decisions.find(assessmentId).orElse(null),
                decisions.history(assessmentId)));
        return "caseworker/note";
    }

    private AssessmentResponse showResult(String assessmentId, Model model) {
        AssessmentResponse answer = json.readValue(history.answer(assessmentId).orElseThrow(CaseworkerController::notFound),
                AssessmentResponse.class);
        model.addAttribute("result", ResultView.of(answer, history.request(assessmentId).map(json::readTree).orElse(null)));
        model.addAttribute("whatIf", WhatIfView.NONE);
        return answer;
    }

    /**
     * A case's assessments over time, with charts ({@code ref}); without one, the case list: the cases
     * most recently assessed, or those whose reference contains {@code q}, ignoring case. Each case
     * listed is a case read, and audited as such.
     */
    @GetMapping("/cases")
    @Audited(Purpose.TIMELINE)
    String timeline(@RequestParam(required = false) String ref, @RequestParam(required = false) String q,
            Model model, Locale locale, HttpServletResponse response) {
        String caseRef = ref == null ? "" : ref.trim();
        String search = q == null ? "" : q.trim();
        model.addAttribute("ref", caseRef);
        model.addAttribute("q", search);
        if (cprShaped(caseRef) || cprShaped(search)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("ref", "");
            model.addAttribute("q", "");
            model.addAttribute("refError",
                    messages.getMessage("dk.visitationadvisor.NotCprShaped.message", null, locale));
        } else if (!caseRef.isEmpty()) {
            audit.note(caseRef, null);
            model.addAttribute("timeline", TimelineView.of(history.timeline(caseRef, 0, TIMELINE_SIZE),
                    level -> labels.of("ConcernLevel", level), labels::date));
        } else {
            List<CaseSummary> cases = history.cases(search, CASE_LIST_SIZE);
            audit.note(cases.stream().map(c -> new AccessAudit.CaseRead(c.caseRef(), null)).toList());
            model.addAttribute("cases", cases);
        }
        return "caseworker/timeline";
    }

    private String showForm(FamilyForm form, Model model) {
        model.addAttribute("form", form);
        if (!model.containsAttribute("submission")) {
            model.addAttribute("submission", UUID.randomUUID().toString());
        }
        model.addAttribute("today", LocalDate.now(clock));
        return "caseworker/form";
    }

    /** A CPR number is refused, and never shown again on a page. */
    private static boolean cprShaped(String text) {
        return !new NotCprShapedValidator().isValid(text, null);
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
