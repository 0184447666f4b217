package dk.visitationadvisor.ruleengine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of one rule set, by their path relative to the rules directory (e.g.
 * {@code family-placement/inclusion.drl}), and a version that is a hash of their content.
 */
public record RuleFiles(String origin, Map<String, String> contents) {

    static final String PARAMETERS = "parameters.yaml";
    static final String SOURCES = "sources.yaml";

    public RuleFiles {
        // Sorted by path, always: the version hashes the files in this order, and must not depend on
        // the JVM (Map.copyOf iterates in an order salted per run).
        contents = Collections.unmodifiableSortedMap(new TreeMap<>(contents));
    }

    /** Reads every rule file, parameter file and source file below a directory. */
    public static RuleFiles fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new RuleSetException(directory.toString(), "The rules directory does not exist");
        }
        Map<String, String> contents = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(RuleFiles::isRuleSetFile).toList()) {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                contents.put(relative, Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the rules directory " + directory, e);
        }
        return new RuleFiles(directory.toAbsolutePath().normalize().toString(), contents);
    }

    /** Reads the copy of {@code rules/} packaged with the service. */
    public static RuleFiles packaged() {
        Map<String, String> contents = new TreeMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/**/*.*");
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                String relative = url.substring(url.lastIndexOf("/rules/") + "/rules/".length());
                if (isRuleSetFile(Path.of(relative))) {
                    contents.put(relative, resource.getContentAsString(StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the packaged rules", e);
        }
        return new RuleFiles("classpath:rules", contents);
    }

    private static boolean isRuleSetFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".drl") || name.equals(PARAMETERS) || name.equals(SOURCES);
    }

    /** The parameter files, by path: one per rules folder, e.g. {@code escalation/parameters.yaml}. */
    public Map<String, String> parameterFiles() {
        Map<String, String> parameters = new TreeMap<>(contents);
        parameters.keySet().removeIf(path -> !isParameterFile(path));
        return parameters;
    }

    /** True for a parameter file's path: {@code <folder>/parameters.yaml} (or a misplaced one at the top). */
    public static boolean isParameterFile(String path) {
        return path.equals(PARAMETERS) || path.endsWith("/" + PARAMETERS);
    }

    public Map<String, String> drlFiles() {
        Map<String, String> drl = new TreeMap<>(contents);
        drl.keySet().removeIf(path -> !path.endsWith(".drl"));
        return drl;
    }

    public String required(String name) {
        String content = contents.get(name);
        if (content == null) {
            throw new RuleSetException(name, "Missing: the rule set needs " + name + " in " + origin);
        }
        return content;
    }

    /** The first 16 hex digits of a SHA-256 over every file's path and content. */
    public String version() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            contents.forEach((path, content) -> {
                digest.update(path.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(content.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            });
            return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
