package dk.visitationadvisor.web;

/** A batch refused because too many run already: the caller's own ({@code forAll} false) or everyone's. */
class TooManyBatchesException extends RuntimeException {

    private final boolean forAll;

    TooManyBatchesException(boolean forAll) {
        super(forAll ? "Too many batches are running" : "This caller's batch limit is reached", null, false, false);
        this.forAll = forAll;
    }

    boolean forAll() {
        return forAll;
    }
}
