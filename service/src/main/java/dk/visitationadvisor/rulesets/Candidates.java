package dk.visitationadvisor.rulesets;

import dk.visitationadvisor.casehistory.RuleSetArchive;
import dk.visitationadvisor.ruleengine.LiveRuleSet;
import dk.visitationadvisor.ruleengine.RuleFiles;
import dk.visitationadvisor.ruleengine.RuleSet;
import dk.visitationadvisor.ruleengine.RuleSetBuilder;
import dk.visitationadvisor.ruleengine.RuleSetException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/** Turns what an author sent into the files of a candidate rule set, and builds it. */
@Service
public class Candidates {

    private final LiveRuleSet live;
    private final RuleSetArchive archive;

    public Candidates(LiveRuleSet live, RuleSetArchive archive) {
        this.live = live;
        this.archive = archive;
    }

    /**
     * The candidate's files.
     *
     * @throws UnknownRuleSetVersionException when it is based on a version that is not on record
     */
    public RuleFiles files(CandidateRuleSet candidate) {
        if (candidate.complete()) {
            return new RuleFiles("candidate", candidate.files());
        }
        Optional<Map<String, String>> base = candidate.basedOn() == null
                || candidate.basedOn().equals(live.ruleSet().version())
                ? Optional.of(live.ruleSet().files())
                : archive.files(candidate.basedOn()).map(RuleFiles::contents);
        return base.map(files -> {
            Map<String, String> changed = new TreeMap<>(files);
            changed.putAll(candidate.files());
            candidate.removedFiles().forEach(changed::remove);
            return new RuleFiles("candidate", changed);
        }).orElseThrow(() -> new UnknownRuleSetVersionException("basedOn"));
    }

    /** The files of a version on record, by path. */
    public Optional<Map<String, String>> filesOf(String version) {
        return version.equals(live.ruleSet().version()) ? Optional.of(live.ruleSet().files())
                : archive.files(version).map(RuleFiles::contents);
    }

    /** Builds a candidate, or says every error that keeps it from building. */
    public static RuleSet build(RuleFiles files) {
        try {
            return RuleSetBuilder.build(files);
        } catch (RuleSetException e) {
            throw new InvalidRuleSetException(FileProblem.of(e.problems()));
        }
    }
}
