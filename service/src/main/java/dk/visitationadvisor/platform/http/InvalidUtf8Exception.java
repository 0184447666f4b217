package dk.visitationadvisor.platform.http;

import java.io.IOException;

/** A request body that is not well-formed UTF-8: refused with a 400 before any of it is read as JSON. */
class InvalidUtf8Exception extends IOException {

    InvalidUtf8Exception() {
        super("The request body is not valid UTF-8");
    }
}
