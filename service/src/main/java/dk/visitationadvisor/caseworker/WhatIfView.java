package dk.visitationadvisor.caseworker;

import dk.visitationadvisor.assessment.AssessmentResponse;
import dk.visitationadvisor.assessment.AssessmentResponse.Counterfactuals;
import dk.visitationadvisor.assessment.AssessmentResponse.MissingFact;
import dk.visitationadvisor.assessment.AssessmentResponse.RankedMissingInformation;
import java.util.List;

/**
 * The what-if analysis of a stored assessment, computed on request for the result page and never stored:
 * the missing facts ranked by consequence and, when asked, the counterfactuals. Both come from a preview of
 * the stored request through today's rules, on its date, against the assessment it was compared with.
 *
 * @param ranked the ranked missing facts; null when not asked for
 * @param counterfactuals what would have to be different; null when not asked for
 * @param rulesChanged true when today's rules are not those the answer was given by: the analysis is by
 *        today's rules
 */
record WhatIfView(RankedMissingInformation ranked, Counterfactuals counterfactuals, boolean rulesChanged) {

    /** Nothing asked for: the page as stored. */
    static final WhatIfView NONE = new WhatIfView(null, null, false);

    static WhatIfView of(AssessmentResponse stored, AssessmentResponse preview) {
        return new WhatIfView(preview.rankedMissingInformation(), preview.counterfactuals(),
                !preview.rulesetVersion().equals(stored.rulesetVersion()));
    }

    public boolean rankAsked() {
        return ranked != null;
    }

    public boolean counterfactualsAsked() {
        return counterfactuals != null;
    }

    /** The ranked facts to show: the facts the answer lists as missing, then the scores not measured. */
    public List<MissingFact> facts() {
        return ranked == null ? List.of() : ranked.facts();
    }
}
