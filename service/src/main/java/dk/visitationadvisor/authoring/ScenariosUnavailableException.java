package dk.visitationadvisor.authoring;

/** The service was given no scenario folder to test candidates against (advisor.scenarios.directory). */
public class ScenariosUnavailableException extends RuntimeException {

    public ScenariosUnavailableException(String message) {
        super(message);
    }
}
