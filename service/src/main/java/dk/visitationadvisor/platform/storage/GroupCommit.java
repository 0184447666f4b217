package dk.visitationadvisor.platform.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits the small writes of concurrent requests together: one transaction, so one commit, for all
 * the writes that wait at the same moment, instead of one each. A commit costs far more than the rows
 * in it (H2 writes a chunk of pages and its file metadata at every commit: half of a stored
 * assessment's CPU in a profile, docs/performance.md), so under load this is most of storage's cost.
 *
 * <p>Nothing waits for company: a write arriving while no commit is under way is written at once by
 * its own thread; those arriving meanwhile are written by the next of them, together. Every caller
 * returns only once its own write is committed, or throws its own failure, so what is answered is on
 * record exactly as with a transaction of its own. A group that fails is written again one write per
 * transaction, so that a bad write fails only its caller, unless the database is away, which fails
 * them all. A write asked for inside a transaction simply joins it.
 */
@Component
public class GroupCommit {

    private final TransactionTemplate transactions;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    /** Guarded by {@link #lock}: the writes waiting for the next commit, and whether one is under way. */
    private List<Write> waiting = new ArrayList<>();
    private boolean writing;

    public GroupCommit(PlatformTransactionManager transactions) {
        this.transactions = new TransactionTemplate(transactions);
    }

    /** Runs {@code write} in a transaction, with others, and returns once it is committed. */
    public void write(Runnable write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            write.run();
            return;
        }
        Write mine = new Write(write);
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.done) {
                if (writing) {
                    // Not interruptible: the write may be in the commit under way.
                    committed.awaitUninterruptibly();
                } else {
                    commitWaiting();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** How many writes wait for the next commit (for tests that line writes up behind one). */
    int waitingWrites() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** With the lock held: takes every waiting write, commits them without the lock, and wakes their callers. */
    private void commitWaiting() {
        List<Write> group = waiting;
        waiting = new ArrayList<>();
        writing = true;
        lock.unlock();
        try {
            commit(group);
        } finally {
            lock.lock();
            writing = false;
            for (Write write : group) {
                if (!write.done) {
                    write.failed(new IllegalStateException("The group commit stopped before this write"));
                }
            }
            committed.signalAll();
        }
    }

    private void commit(List<Write> group) {
        try {
            transactions.executeWithoutResult(status -> group.forEach(write -> write.work.run()));
            group.forEach(Write::succeeded);
        } catch (RuntimeException groupFailed) {
            // A database that is away fails every write alike: trying each alone would only hold the
            // callers for a connection timeout each before their 503s.
            if (group.size() == 1 || StorageFailures.isUnavailable(groupFailed)) {
                group.forEach(write -> write.failed(groupFailed));
                return;
            }
            for (Write write : group) {
                try {
                    transactions.executeWithoutResult(status -> write.work.run());
                    write.succeeded();
                } catch (RuntimeException failed) {
                    write.failed(failed);
                }
            }
        }
    }

    /** One caller's write; its outcome is read by the caller under the lock, after the commit set it. */
    private static final class Write {

        private final Runnable work;
        private RuntimeException failure;
        /** Volatile: set after {@link #failure}, so that whoever sees it done sees its failure. */
        private volatile boolean done;

        Write(Runnable work) {
            this.work = work;
        }

        void succeeded() {
            done = true;
        }

        void failed(RuntimeException cause) {
            failure = cause;
            done = true;
        }
    }
}
