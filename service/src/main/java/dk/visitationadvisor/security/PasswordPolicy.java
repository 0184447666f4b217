package dk.visitationadvisor.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.resources.Dictionary;
import me.gosimple.nbvcxz.resources.DictionaryBuilder;

/**
 * What a password must be, as NIST SP 800-63B asks: long enough (at least {@value #MIN_LENGTH}
 * characters), any characters, no composition rules, and not easy to guess: not on a list of common
 * and breached passwords, not repeated or sequential characters, not words, names or dates, not built
 * from the account's name or the service's. The guessability is zxcvbn's estimate (nbvcxz, with its
 * lists of passwords, words and names); at least {@value #MIN_ENTROPY_BITS} bits. At most
 * {@value #MAX_BYTES} bytes of UTF-8, since bcrypt reads no more. Applies to accounts and to the
 * bootstrap account's configured password.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 64;
    static final int MAX_BYTES = 72;
    static final double MIN_ENTROPY_BITS = 40;
    private static final List<String> SERVICE_WORDS = List.of("visitation", "advisor", "visitationadvisor",
            "visitation-advisor", "familieanbringelse", "spaedeindsats", "kommune", "admin", "password");

    private PasswordPolicy() {
    }

    /** Why a password is refused, as message codes; empty when it is acceptable. */
    static List<String> problems(String username, String password) {
        List<String> problems = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            problems.add("password.tooShort");
        } else if (length > MAX_LENGTH || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            problems.add("password.tooLong");
        } else if (!new Nbvcxz(configuration(username)).estimate(password).isMinimumEntropyMet()) {
            problems.add("password.guessable");
        }
        return problems;
    }

    /** The estimator, with the account's name and the service's words as words an attacker would try first. */
    private static me.gosimple.nbvcxz.resources.Configuration configuration(String username) {
        DictionaryBuilder context = new DictionaryBuilder().setDictionaryName("context").setExclusion(true);
        int rank = 0;
        for (String word : SERVICE_WORDS) {
            context.addWord(word, rank++);
        }
        if (username != null && !username.isBlank()) {
            context.addWord(username.toLowerCase(Locale.ROOT), rank);
        }
        List<Dictionary> dictionaries = new ArrayList<>(ConfigurationBuilder.getDefaultDictionaries());
        dictionaries.add(context.createDictionary());
        return new ConfigurationBuilder().setDictionaries(dictionaries).setMinimumEntropy(MIN_ENTROPY_BITS)
                .createConfiguration();
    }
}
