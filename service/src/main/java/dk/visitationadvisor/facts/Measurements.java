package dk.visitationadvisor.facts;

/**
 * The latest instrument scores. A score that is null was not measured: that is not a missing fact,
 * and no trigger fires or abstains on it. The extra fields say how to read a score: who answered
 * the EPDS, who scored the ORS, which ASQ:SE-2 questionnaire (age interval in months) was used.
 */
public record Measurements(Integer epds, Integer epdsSelfHarm, ParentRole epdsRespondent, Integer adbb, Integer ors,
        Rater orsRater, Integer srs, Integer careIndexSensitivity, Integer asqse2, Integer asqse2IntervalMonths,
        Integer missedContacts) implements InputFact {

    @Override
    public String path() {
        return "measurements";
    }
}
