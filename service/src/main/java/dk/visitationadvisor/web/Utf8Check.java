package dk.visitationadvisor.web;

/**
 * Checks bytes, as they arrive, for well-formed UTF-8 (RFC 3629): no stray continuation bytes, no
 * overlong forms (such as {@code C0 AF} for "/", which Jackson would read), no surrogates, nothing
 * above U+10FFFF, no sequence cut off at the end.
 */
final class Utf8Check {

    private int needed;
    private int lower = 0x80;
    private int upper = 0xBF;

    /** @return false once the bytes so far are not UTF-8 */
    boolean accept(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            if (!accept(bytes[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    boolean accept(int b) {
        if (needed > 0) {
            if (b < lower || b > upper) {
                return false;
            }
            lower = 0x80;
            upper = 0xBF;
            needed--;
            return true;
        }
        if (b <= 0x7F) {
            return true;
        }
        if (b >= 0xC2 && b <= 0xDF) {
            needed = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            needed = 2;
            lower = b == 0xE0 ? 0xA0 : 0x80;
            upper = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            needed = 3;
            lower = b == 0xF0 ? 0x90 : 0x80;
            upper = b == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        return true;
    }

    /** @return false when the last sequence is incomplete */
    boolean complete() {
        return needed == 0;
    }
}
