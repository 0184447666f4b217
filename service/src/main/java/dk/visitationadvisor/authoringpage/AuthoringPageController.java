package dk.visitationadvisor.authoringpage;

import dk.visitationadvisor.activation.Activation;
import dk.visitationadvisor.activation.ActivationRefusedException;
import dk.visitationadvisor.activation.Activations;
import dk.visitationadvisor.rulesets.CandidateRuleSet;
import dk.visitationadvisor.rulesets.CandidateStoppedException;
import dk.visitationadvisor.rulesets.CandidateWorkersBusyException;
import dk.visitationadvisor.rulesets.Candidates;
import dk.visitationadvisor.rulesets.FileProblem;
import dk.visitationadvisor.rulesets.ImpactPreview;
import dk.visitationadvisor.rulesets.ImpactReport;
import dk.visitationadvisor.rulesets.InvalidRuleSetException;
import dk.visitationadvisor.rulesets.RuleCatalogue;
import dk.visitationadvisor.rulesets.RuleSetChecks;
import dk.visitationadvisor.rulesets.RuleSetChecks.ScenarioReport;
import dk.visitationadvisor.rulesets.RuleSetChecks.ValidationReport;
import dk.visitationadvisor.rulesets.TooFewAssessmentsException;
import dk.visitationadvisor.casehistory.CaseHistory;
import dk.visitationadvisor.security.AccessAudit;
import dk.visitationadvisor.security.Audited;
import dk.visitationadvisor.security.Purpose;
import dk.visitationadvisor.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /rule-authoring}: a rule author opens files of the live rule set, changes them in the page,
 * and checks the changed set as the rule-set API does: validate, run the scenarios, preview the impact
 * on the stored assessments, and ask for activation. The candidate is the live set with the files in
 * the page; nothing is stored until it is activated.
 */
@Controller
@RequestMapping("/rule-authoring")
class AuthoringPageController {

    /** A path the page may open or send: what the API accepts. */
    private static final Pattern FILE_PATH = Pattern.compile("([a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_.-]*\\.drl"
            + "|([a-z0-9][a-z0-9_-]*/)*parameters\\.yaml|sources\\.yaml");
    /** The preview on the page reads at most this many changed assessments. */
    private static final int PREVIEW_LIMIT = 50;

    private final RuleCatalogue catalogue;
    private final Candidates candidates;
    private final RuleSetChecks checks;
    private final ImpactPreview impact;
    private final Activations activations;
    private final AccessAudit audit;
    private final CaseHistory history;
    private final MessageSource messages;

    AuthoringPageController(RuleCatalogue catalogue, Candidates candidates, RuleSetChecks checks,
            ImpactPreview impact, Activations activations, AccessAudit audit, CaseHistory history,
            MessageSource messages) {
        this.catalogue = catalogue;
        this.candidates = candidates;
        this.checks = checks;
        this.impact = impact;
        this.activations = activations;
        this.audit = audit;
        this.history = history;
        this.messages = messages;
    }

    /** One file in the page: its path, its text, and whether it is new to the live set. */
    record EditedFile(String path, String content, boolean added) {
    }

    /** An error or warning as the author reads it: file, line, the line's text, and a plain message. */
    record ShownProblem(String file, int line, String lineText, String message, String original) {
    }

    @GetMapping
    String page(@RequestParam(name = "edit", required = false) List<String> edit,
            @RequestParam(name = "add", required = false) String add, Principal caller, Model model) {
        Map<String, String> live = liveFiles();
        Map<String, String> files = new LinkedHashMap<>();
        if (edit != null) {
            edit.stream().filter(live::containsKey).forEach(path -> files.put(path, live.get(path)));
        }
        if (add != null && !add.isBlank()) {
            String path = add.strip();
            if (!FILE_PATH.matcher(path).matches()) {
                model.addAttribute("pathProblem", path);
            } else {
                files.put(path, live.getOrDefault(path, ""));
            }
        }
        return render(files, live, caller, model);
    }

    @PostMapping("/validation")
    String validate(HttpServletRequest request, Principal caller, Model model) {
        Map<String, String> files = files(request, model);
        if (files != null) {
            try {
                ValidationReport report = checks.validate(candidate(files));
                Map<String, String> all = all(files);
                model.addAttribute("validation", report);
                model.addAttribute("problems", shown(report.errors(), all));
                model.addAttribute("warnings", shown(report.warnings(), all));
            } catch (CandidateStoppedException | CandidateWorkersBusyException e) {
                model.addAttribute("notRun", notRun(e));
            }
        }
        return render(files, liveFiles(), caller, model);
    }

    @PostMapping("/scenario-runs")
    String scenarios(HttpServletRequest request, Principal caller, Model model) {
        Map<String, String> files = files(request, model);
        if (files != null) {
            try {
                ScenarioReport report = checks.test(candidate(files));
                model.addAttribute("scenarios", report);
                model.addAttribute("failures", report.failures());
            } catch (InvalidRuleSetException e) {
                model.addAttribute("problems", shown(e.errors(), all(files)));
            } catch (CandidateStoppedException | CandidateWorkersBusyException e) {
                model.addAttribute("notRun", notRun(e));
            }
        }
        return render(files, liveFiles(), caller, model);
    }

    @PostMapping("/impact")
    @Audited(Purpose.IMPACT_PREVIEW)
    String impact(HttpServletRequest request, @RequestParam(name = "asOf", required = false) String asOfText,
            Principal caller, Model model) {
        Map<String, String> files = files(request, model);
        model.addAttribute("asOf", asOfText);
        LocalDate asOf = null;
        if (asOfText != null && !asOfText.isBlank()) {
            try {
                asOf = LocalDate.parse(asOfText.strip());
            } catch (DateTimeParseException e) {
                model.addAttribute("asOfProblem", true);
                return render(files, liveFiles(), caller, model);
            }
        }
        if (files != null) {
            try {
                ImpactReport report = impact.preview(candidate(files), null, null, asOf, PREVIEW_LIMIT);
                // As the API: one audit entry, and case references only for a caller who may read cases.
                audit.noteSummary("candidate " + report.candidateVersion(), history.casesAssessedBetween(null, null));
                model.addAttribute("impact", request.isUserInRole(Role.CASEWORKER.name()) ? report
                        : report.withoutCaseReferences());
            } catch (InvalidRuleSetException e) {
                model.addAttribute("problems", shown(e.errors(), all(files)));
            } catch (CandidateStoppedException | CandidateWorkersBusyException | TooFewAssessmentsException e) {
                model.addAttribute("notRun", notRun(e));
            }
        }
        return render(files, liveFiles(), caller, model);
    }

    @PostMapping("/activation")
    String activate(HttpServletRequest request, @RequestParam(name = "reason", required = false) String reason,
            Principal caller, Model model) {
        model.addAttribute("reason", reason);
        Map<String, String> files = files(request, model);
        if (files != null) {
            if (reason == null || reason.isBlank()) {
                model.addAttribute("reasonMissing", true);
            } else {
                try {
                    Activation activation = activations.activate(candidate(files), caller.getName(), reason.strip());
                    model.addAttribute("activated", activation);
                    return render(Map.of(), liveFiles(), caller, model);
                } catch (ActivationRefusedException e) {
                    model.addAttribute("refused", true);
                    model.addAttribute("problems", shown(e.errors(), all(files)));
                    model.addAttribute("failures", e.failedScenarios());
                } catch (CandidateStoppedException | CandidateWorkersBusyException e) {
                    model.addAttribute("refused", true);
                    model.addAttribute("notRun", notRun(e));
                }
            }
        }
        return render(files, liveFiles(), caller, model);
    }

    /** Why a check gave no result, in the words the API's problem uses. */
    private String notRun(RuntimeException e) {
        Locale locale = LocaleContextHolder.getLocale();
        if (e instanceof CandidateStoppedException stopped) {
            return messages.getMessage("problem.candidateStopped.title", null, locale) + ". "
                    + messages.getMessage(stopped.messageCode(), stopped.messageArguments(), locale);
        }
        if (e instanceof TooFewAssessmentsException few) {
            return messages.getMessage("problem.tooFewAssessments.detail", new Object[] {few.found(), few.minimum()},
                    locale);
        }
        return messages.getMessage("problem.candidateWorkersBusy.detail", null, locale);
    }

    private String render(Map<String, String> files, Map<String, String> live, Principal caller, Model model) {
        Map<String, String> editing = files == null ? Map.of() : files;
        model.addAttribute("signedInAs", caller == null ? null : caller.getName());
        model.addAttribute("liveVersion", catalogue.live().rulesetVersion());
        model.addAttribute("liveFiles", new ArrayList<>(new TreeMap<>(live).keySet()));
        model.addAttribute("editing", editing.entrySet().stream()
                .map(file -> new EditedFile(file.getKey(), file.getValue(), !live.containsKey(file.getKey()))).toList());
        model.addAttribute("editingPaths", editing.keySet());
        return "authoringpage/authoring";
    }

    /** The files in the page, by path; null (with the problem in the model) when a path is not allowed. */
    private Map<String, String> files(HttpServletRequest request, Model model) {
        // Read as arrays: a list parameter would split a single file's text at its commas.
        Map<String, String> files = new LinkedHashMap<>();
        String[] p = request.getParameterValues("path");
        String[] c = request.getParameterValues("content");
        p = p == null ? new String[0] : p;
        c = c == null ? new String[0] : c;
        for (int i = 0; i < p.length; i++) {
            String path = p[i].strip();
            if (!FILE_PATH.matcher(path).matches()) {
                model.addAttribute("pathProblem", path);
                return null;
            }
            // A textarea sends CR LF; the files are written with LF.
            files.put(path, i < c.length ? c[i].replace("\r\n", "\n") : "");
        }
        if (files.isEmpty()) {
            model.addAttribute("nothingChanged", true);
            return null;
        }
        return files;
    }

    private static CandidateRuleSet candidate(Map<String, String> files) {
        return new CandidateRuleSet(null, false, files, List.of());
    }

    private Map<String, String> liveFiles() {
        return candidates.filesOf(catalogue.live().rulesetVersion()).orElse(Map.of());
    }

    private Map<String, String> all(Map<String, String> files) {
        Map<String, String> all = new TreeMap<>(liveFiles());
        all.putAll(files);
        return all;
    }

    private List<ShownProblem> shown(List<FileProblem> problems, Map<String, String> files) {
        Locale locale = LocaleContextHolder.getLocale();
        return problems.stream().map(problem -> {
            String content = files.get(problem.file());
            String lineText = null;
            if (content != null && problem.line() > 0) {
                List<String> lines = content.lines().toList();
                lineText = problem.line() <= lines.size() ? lines.get(problem.line() - 1) : null;
            }
            String plain = ProblemMessages.plain(problem.message(), locale, messages);
            return new ShownProblem(problem.file(), problem.line(), lineText, plain,
                    plain.equals(ProblemMessages.english(problem.message())) ? null : ProblemMessages.english(problem.message()));
        }).toList();
    }
}
