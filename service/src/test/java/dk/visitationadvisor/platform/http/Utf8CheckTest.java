package dk.visitationadvisor.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8CheckTest {

    /** Whether the bytes pass when they arrive cut at {@code cut} (and in one piece when cut is 0). */
    private static boolean check(byte[] bytes, int cut) {
        Utf8Check check = new Utf8Check();
        boolean accepted = check.accept(bytes, 0, cut) && check.accept(bytes, cut, bytes.length - cut);
        return accepted && check.complete();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ASCII", "Spædbørn og forældre", "€ and 𝄞, cut anywhere"})
    void wellFormedTextPassesHoweverItIsCut(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertThat(check(bytes, cut)).as("cut at %d", cut).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "E080AF", "EDA080", "F4908080", "80", "C3", "E282", "FF", "41C328"})
    void malformedBytesAreRefusedHoweverTheyAreCut(String hex) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertThat(check(bytes, cut)).as("%s cut at %d", hex, cut).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Spædbørn"})
    void byteByByteAsARequestMayBeRead(String text) {
        Utf8Check check = new Utf8Check();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            assertThat(check.accept(b & 0xFF)).isTrue();
        }
        assertThat(check.complete()).isTrue();
    }
}
