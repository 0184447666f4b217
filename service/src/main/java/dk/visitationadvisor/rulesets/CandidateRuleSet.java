package dk.visitationadvisor.rulesets;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A rule set an author wants checked, previewed or activated, sent as files. By default the files
 * change a copy of the live rule set (or of the version {@code basedOn}): each replaces or adds the
 * file at its path, and {@code removedFiles} are left out. With {@code complete} the files are the
 * whole rule set, as the command line sends a rules directory.
 *
 * @param files file path under {@code rules/} (e.g. {@code intensive-infant/inclusion.drl}) to its content
 */
public record CandidateRuleSet(
        @Pattern(regexp = "[0-9a-f]{16}", message = "{dk.visitationadvisor.ruleSet.version}") String basedOn,
        Boolean complete,
        @NotNull @Size(max = 500) Map<@NotNull @Pattern(regexp = FILE_PATH, message = "{dk.visitationadvisor.ruleSet.filePath}") String,
                @NotNull String> files,
        @Size(max = 500) List<@NotNull @Pattern(regexp = FILE_PATH, message = "{dk.visitationadvisor.ruleSet.filePath}") String> removedFiles) {

    /**
     * A rule file in a folder, a folder's parameter file (a top-level one only so that it can be removed),
     * or the source file; never a path out of the rules folder.
     */
    static final String FILE_PATH = "([a-z0-9][a-z0-9_-]*/)*[a-z0-9][a-z0-9_.-]*\\.drl"
            + "|([a-z0-9][a-z0-9_-]*/)*parameters\\.yaml|sources\\.yaml";

    public CandidateRuleSet {
        complete = Boolean.TRUE.equals(complete);
        files = files == null ? null : Map.copyOf(files);
        removedFiles = removedFiles == null ? List.of() : List.copyOf(removedFiles);
    }

    /** The whole rule set in a folder, as the command line sends it. */
    public static CandidateRuleSet complete(Map<String, String> files) {
        return new CandidateRuleSet(null, true, files, List.of());
    }
}
