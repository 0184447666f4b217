package dk.visitationadvisor.assessment.whatif;

import java.time.Duration;

/**
 * How much a what-if analysis may evaluate: at most so many variants, within so much time. When either
 * runs out, the analysis stops and says that it was cut short.
 */
record Budget(int maxEvaluations, Duration time) {

    /** Started now. */
    Running start() {
        return new Running(System.nanoTime() + time.toNanos());
    }

    /** A budget being spent. */
    final class Running {

        private final long deadline;
        private int spent;
        private boolean exhausted;

        private Running(long deadline) {
            this.deadline = deadline;
        }

        /** True when one more evaluation may run; counts it. False from the first refusal on. */
        boolean take() {
            if (exhausted || spent >= maxEvaluations || System.nanoTime() > deadline) {
                exhausted = true;
                return false;
            }
            spent++;
            return true;
        }

        int spent() {
            return spent;
        }

        boolean exhausted() {
            return exhausted;
        }
    }
}
