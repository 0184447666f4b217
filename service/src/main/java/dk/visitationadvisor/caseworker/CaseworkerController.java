package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.assessment.AssessmentRequest;
import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentService;
import dk.visitationadvisor.casehistory.CaseHistory;
import dk.visitationadvisor.security.AccessAudit;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.security.NotCprShapedValidator;
import dk.visitationadvisor.security.Purpose;
import dk.visitationadvisor.web.InvalidRequestException;
import dk.visitationadvisor.web.RequestReader;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caseworker's pages: the form, the explained recommendation, and a case's timeline. The form is
 * read into the same request, by the same reader, as the JSON API's, so its messages are the API's.
 */
@Controller
class CaseworkerController {

    /** The most assessments a timeline page shows; the case history pages by this many at the most. */
    private static final int TIMELINE_SIZE = CaseHistory.MAX_PAGE_SIZE;

    private final AssessmentService assessments;
    private final CaseHistory history;
    private final RequestReader requests;
    private final JsonMapper json;
    private final Clock clock;
    private final MessageSource messages;
    private final Labels labels;
    private final AccessAudit audit;

    CaseworkerController(AssessmentService assessments, CaseHistory history, RequestReader requests, JsonMapper json,
            Clock clock, MessageSource messages, Labels labels, AccessAudit audit) {
        this.audit = audit;
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
    String form(@RequestParam(required = false) String from, Model model) {
        LocalDate today = LocalDate.now(clock);
        if (from != null) {
            audit.note(null, from);
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
        String id = null;
        try {
            id = assessments.assess(request, locale, caller.getName()).response().assessmentId();
        } finally {
            audit.note(request.caseRef(), id);
        }
        return "redirect:/assessments/" + id;
    }

    /** The answer exactly as it was given and stored, whatever the rules say today. */
    @GetMapping("/assessments/{assessmentId}")
    @Audited(Purpose.READ_ASSESSMENT)
    String result(@PathVariable String assessmentId, Model model) {
        String answer = history.answer(assessmentId).orElseThrow(CaseworkerController::notFound);
        model.addAttribute("result", ResultView.of(json.readValue(answer, AssessmentResponse.class),
                history.request(assessmentId).map(json::readTree).orElse(null)));
        return "caseworker/result";
    }

    /** A case's assessments over time, with charts; without a reference, only the search field. */
    @GetMapping("/cases")
    @Audited(Purpose.TIMELINE)
    String timeline(@RequestParam(required = false) String ref, Model model, Locale locale,
            HttpServletResponse response) {
        String caseRef = ref == null ? "" : ref.trim();
        model.addAttribute("ref", caseRef);
        if (!caseRef.isEmpty()) {
            if (cprShaped(caseRef)) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("refError",
                        messages.getMessage("dk.visitationadvisor.NotCprShaped.message", null, locale));
            } else {
                audit.note(caseRef, null);
                model.addAttribute("timeline", TimelineView.of(history.timeline(caseRef, 0, TIMELINE_SIZE),
                        level -> labels.of("ConcernLevel", level), labels::date));
            }
        }
        return "caseworker/timeline";
    }

    private String showForm(FamilyForm form, Model model) {
        model.addAttribute("form", form);
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
