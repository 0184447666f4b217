package dk.visitationadvisor.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class GroupCommitTest {

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private final JdbcClient jdbc;
    private final DataSourceTransactionManager transactions;
    private final GroupCommit groupCommit;
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    GroupCommitTest() {
        dataSource.setURL("jdbc:h2:mem:group-commit-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
        groupCommit = new GroupCommit(transactions);
    }

    @BeforeEach
    void table() {
        jdbc.sql("CREATE TABLE entry (id INTEGER PRIMARY KEY)").update();
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    @Test
    void writesArrivingDuringACommitAreCommittedTogetherInTheNext() throws Exception {
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        CountDownLatch othersAreWaiting = new CountDownLatch(1);
        Set<Object> transactionsUsed = ConcurrentHashMap.newKeySet();
        Future<?> first = callers.submit(() -> groupCommit.write(() -> {
            insert(0, transactionsUsed);
            firstIsWriting.countDown();
            await(othersAreWaiting);
        }));
        assertThat(firstIsWriting.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> others = new ArrayList<>();
        for (int id = 1; id <= 5; id++) {
            int entry = id;
            others.add(callers.submit(() -> groupCommit.write(() -> insert(entry, transactionsUsed))));
        }
        awaitWaiting(5);
        assertThat(others).noneMatch(Future::isDone);
        othersAreWaiting.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<?> other : others) {
            other.get(10, TimeUnit.SECONDS);
        }
        assertThat(count()).isEqualTo(6);
        // The first alone, then the five that waited for it in one transaction.
        assertThat(transactionsUsed).hasSize(2);
    }

    @Test
    void aFailingWriteFailsOnlyItsOwnCaller() throws Exception {
        jdbc.sql("INSERT INTO entry (id) VALUES (7)").update();
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        CountDownLatch othersAreWaiting = new CountDownLatch(1);
        Future<?> first = callers.submit(() -> groupCommit.write(() -> {
            insert(1, ConcurrentHashMap.newKeySet());
            firstIsWriting.countDown();
            await(othersAreWaiting);
        }));
        assertThat(firstIsWriting.await(10, TimeUnit.SECONDS)).isTrue();
        Future<?> good = callers.submit(() -> groupCommit.write(() -> insert(2, ConcurrentHashMap.newKeySet())));
        Future<?> duplicate = callers.submit(() -> groupCommit.write(() -> insert(7, ConcurrentHashMap.newKeySet())));
        Future<?> alsoGood = callers.submit(() -> groupCommit.write(() -> insert(3, ConcurrentHashMap.newKeySet())));
        awaitWaiting(3);
        othersAreWaiting.countDown();

        first.get(10, TimeUnit.SECONDS);
        good.get(10, TimeUnit.SECONDS);
        alsoGood.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> duplicate.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataIntegrityViolationException.class);
        assertThat(count()).isEqualTo(4);
    }

    @Test
    void aDatabaseThatIsAwayFailsTheWholeGroupAtOnceWithoutTryingEachWriteAlone() throws Exception {
        CountDownLatch firstIsWriting = new CountDownLatch(1);
        CountDownLatch othersAreWaiting = new CountDownLatch(1);
        Future<?> first = callers.submit(() -> groupCommit.write(() -> {
            firstIsWriting.countDown();
            await(othersAreWaiting);
        }));
        assertThat(firstIsWriting.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger attempts = new AtomicInteger();
        Future<?> fine = callers.submit(() -> groupCommit.write(attempts::incrementAndGet));
        // In this order in the group: the fine write runs, then the one that finds the database away.
        awaitWaiting(1);
        Future<?> away = callers.submit(() -> groupCommit.write(() -> {
            attempts.incrementAndGet();
            throw new DataAccessResourceFailureException("connection lost",
                    new SQLException("Connection is broken", "08006"));
        }));
        awaitWaiting(2);
        othersAreWaiting.countDown();

        first.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> fine.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThatThrownBy(() -> away.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        assertThat(attempts).as("each write ran once, in the group").hasValue(2);
    }

    @Test
    void aWriteInsideATransactionJoinsItAndRollsBackWithIt() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        transaction.executeWithoutResult(status -> {
            groupCommit.write(() -> insert(1, ConcurrentHashMap.newKeySet()));
            status.setRollbackOnly();
        });

        assertThat(count()).isZero();
    }

    private void insert(int id, Set<Object> transactionsUsed) {
        transactionsUsed.add(TransactionSynchronizationManager.getResource(dataSource));
        jdbc.sql("INSERT INTO entry (id) VALUES (?)").param(id).update();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM entry").query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Until this many writes wait for the next commit: lined up behind the one being written. */
    private void awaitWaiting(int writes) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (groupCommit.waitingWrites() < writes) {
            assertThat(System.nanoTime()).as("%d writes waiting", writes).isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
