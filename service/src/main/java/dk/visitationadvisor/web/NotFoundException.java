package dk.visitationadvisor.web;

/** Nothing is stored under the id or reference asked for; answered with 404. */
class NotFoundException extends RuntimeException {

    NotFoundException(String what) {
        super("No such " + what);
    }
}
