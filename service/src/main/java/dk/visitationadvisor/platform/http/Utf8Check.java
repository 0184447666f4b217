package dk.visitationadvisor.platform.http;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks bytes, as they arrive, for well-formed UTF-8 (RFC 3629): Java's own decoder, which refuses
 * stray continuation bytes, overlong forms (such as {@code C0 AF} for "/", which Jackson would read),
 * surrogates and anything above U+10FFFF. A sequence cut between two reads is carried to the next.
 */
final class Utf8Check {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    /** The characters are not wanted, only whether they decode: one buffer, overwritten. */
    private final CharBuffer decoded = CharBuffer.allocate(1024);
    /** The start of a sequence that the last read cut off: at most 3 bytes. */
    private final ByteBuffer carried = ByteBuffer.allocate(4);

    /** @return false once the bytes so far are not UTF-8 */
    boolean accept(byte[] bytes, int offset, int length) {
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, length);
        if (carried.position() > 0) {
            ByteBuffer joined = ByteBuffer.allocate(carried.position() + length);
            joined.put(carried.flip()).put(in).flip();
            carried.clear();
            in = joined;
        }
        return decode(in, false);
    }

    boolean accept(int b) {
        return accept(new byte[] {(byte) b}, 0, 1);
    }

    /** @return false when the last sequence is incomplete */
    boolean complete() {
        ByteBuffer rest = ByteBuffer.allocate(carried.position());
        rest.put(carried.flip()).flip();
        carried.clear();
        return decode(rest, true);
    }

    private boolean decode(ByteBuffer in, boolean endOfInput) {
        while (true) {
            CoderResult result = decoder.decode(in, decoded.clear(), endOfInput);
            if (result.isError()) {
                return false;
            }
            if (result.isUnderflow()) {
                if (endOfInput) {
                    return !in.hasRemaining();
                }
                carried.put(in);
                return true;
            }
        }
    }
}
