package dk.visitationadvisor.platform.http;

/** Nothing is stored under the id or reference asked for; answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super("No such " + what);
    }
}
