package dk.visitationadvisor.ruleengine;

import java.util.List;

/**
 * The line of a key in a YAML file of the rule set, found by its indentation: the parsed tree has no
 * lines, and an author needs one for every mistake.
 */
final class YamlLines {

    private final List<String> lines;

    YamlLines(String yaml) {
        this.lines = yaml.lines().toList();
    }

    /** The line of a key, under the keys before it (each nested in the one before); 0 when not found. */
    int of(String... path) {
        int from = 0;
        int indent = -1;
        int found = 0;
        for (String key : path) {
            found = 0;
            for (int i = from; i < lines.size(); i++) {
                String line = lines.get(i);
                int own = line.length() - line.stripLeading().length();
                if (!line.isBlank() && !line.stripLeading().startsWith("#") && own <= indent) {
                    break;
                }
                String text = line.stripLeading();
                if (own > indent && (text.startsWith(key + ":") || text.startsWith("\"" + key + "\":")
                        || text.startsWith("'" + key + "':"))) {
                    found = i + 1;
                    from = i + 1;
                    indent = own;
                    break;
                }
            }
            if (found == 0) {
                return 0;
            }
        }
        return found;
    }
}
