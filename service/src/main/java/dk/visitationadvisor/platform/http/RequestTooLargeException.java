package dk.visitationadvisor.platform.http;

import java.io.IOException;

/** Thrown while reading a request body that grows past the limit without announcing its length. */
class RequestTooLargeException extends IOException {

    RequestTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
