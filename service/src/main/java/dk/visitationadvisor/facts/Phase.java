package dk.visitationadvisor.facts;

/**
 * The phases of Den intensive spædeindsats and the stages of a family placement, each belonging to
 * its programme.
 */
public enum Phase {
    DETECTION_REFERRAL(Programme.INTENSIVE_INFANT),
    PRENATAL(Programme.INTENSIVE_INFANT),
    BIRTH_MATERNITY(Programme.INTENSIVE_INFANT),
    INTENSIVE_POSTNATAL(Programme.INTENSIVE_INFANT),
    SUPPORTIVE(Programme.INTENSIVE_INFANT),
    PHASE_OUT(Programme.INTENSIVE_INFANT),
    PRE_STAY(Programme.FAMILY_PLACEMENT),
    RESIDENTIAL_STAY(Programme.FAMILY_PLACEMENT),
    DISCHARGE(Programme.FAMILY_PLACEMENT),
    AFTERCARE(Programme.FAMILY_PLACEMENT);

    private final Programme programme;

    Phase(Programme programme) {
        this.programme = programme;
    }

    public Programme programme() {
        return programme;
    }
}
