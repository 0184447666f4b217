package dk.visitationadvisor.casehistory;

import java.util.List;

/**
 * A store of case data besides the case history's own assessments and decisions (drafts, idempotency
 * records, …): every one is a bean of this type, and {@link Erasures} erases the case from each, in
 * the erasure's transaction, then removes what the erasure left in the database's files from its
 * tables too. A feature that stores case data implements this, and is then covered by erasure.
 */
public interface CaseDataStore {

    /** Deletes everything this store holds about the case; runs inside the erasure's transaction. */
    void eraseCase(String caseRef);

    /** The tables it keeps case data in. */
    List<String> tables();
}
