package dk.visitationadvisor.ruleengine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.compiler.kie.builder.impl.DrlProject;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles rule files into a KieBase with the classic DRL build, which reports errors by file, line
 * and column, as authors need them.
 */
final class RuleSetCompiler {

    private static final String RESOURCES = "src/main/resources/";
    private static final AtomicLong BUILDS = new AtomicLong();
    /**
     * Drools wants a file's folder to match its package; ours are named for readers
     * ({@code family-placement/}), which no package name can match. Not worth a warning per file.
     */
    private static final String PACKAGE_NOT_FOLDER = "does not match the package";

    private RuleSetCompiler() {
    }

    /** A compiled rule base, and what the compiler warned about without refusing it. */
    record Compiled(KieBase kieBase, List<RuleSetProblem> warnings) {
    }

    static Compiled compile(Map<String, String> drlFiles) {
        KieServices kie = KieServices.Factory.get();
        // A release id of its own per build, so that builds never see each other's modules.
        ReleaseId releaseId = kie.newReleaseId("dk.visitationadvisor", "ruleset", "1.0." + BUILDS.incrementAndGet());
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        // Rules never modify facts, so property reactivity has nothing to track.
        files.writeKModuleXML(kie.newKieModuleModel()
                .setConfigurationProperty(PropertySpecificOption.PROPERTY_NAME, PropertySpecificOption.ALLOWED.name())
                .toXML());
        drlFiles.forEach((path, content) -> files.write(RESOURCES + path, content));

        KieBuilder builder = kie.newKieBuilder(files).buildAll(DrlProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new RuleSetException(errors.stream().map(RuleSetCompiler::problem).toList());
        }
        List<RuleSetProblem> warnings = builder.getResults().getMessages(Message.Level.WARNING).stream()
                .filter(warning -> !warning.getText().contains(PACKAGE_NOT_FOLDER))
                .map(RuleSetCompiler::problem)
                .toList();
        try {
            return new Compiled(kie.newKieContainer(releaseId).getKieBase(), warnings);
        } finally {
            // The KieBase keeps what it needs; the repository need not keep every build.
            kie.getRepository().removeKieModule(releaseId);
        }
    }

    private static RuleSetProblem problem(Message message) {
        return new RuleSetProblem(relative(message.getPath()), message.getLine(), message.getText().strip());
    }

    private static String relative(String path) {
        return path != null && path.startsWith(RESOURCES) ? path.substring(RESOURCES.length()) : String.valueOf(path);
    }
}
