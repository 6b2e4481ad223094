package dev.backprop.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import dev.backprop.support.Latches;
import org.junit.jupiter.api.Test;

class FuturesTest {

    private final ExecutorService helper = Executors.newSingleThreadExecutor(task -> new Thread(task, "helper"));

    @AfterEach
    void stop() {
        helper.shutdownNow();
    }

    @Test
    void bothPartsRunAtOnceAndComeBackInOrder() {
        CountDownLatch bothStarted = new CountDownLatch(2);

        var results = Futures.both(() -> meetThen(bothStarted, Thread.currentThread().getName()),
                () -> meetThen(bothStarted, Thread.currentThread().getName()), helper);

        assertThat(results).containsExactly(Thread.currentThread().getName(), "helper");
    }

    @Test
    void aBusyHelpersPartIsDoneByTheCallerInstead() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        helper.execute(() -> Latches.await(release, "the other part never started"));

        var results = Futures.both(() -> "here", () -> Thread.currentThread().getName(), helper);

        assertThat(results).containsExactly("here", Thread.currentThread().getName());
        release.countDown();
        helper.shutdown();
        assertThat(helper.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aHelperThatRefusesWorkLeavesBothPartsToTheCaller() {
        helper.shutdown();

        var results = Futures.both(() -> "here", () -> Thread.currentThread().getName(), helper);

        assertThat(results).containsExactly("here", Thread.currentThread().getName());
    }

    @Test
    void theHelpersFailureIsRethrownAsItWasThrown() {
        NotFoundException failure = new NotFoundException("dataset", 7);

        assertThatThrownBy(() -> Futures.both(() -> "here", () -> {
            throw failure;
        }, helper)).isSameAs(failure);
    }

    @Test
    void handedOffWorkRunsOnTheHelper() throws InterruptedException {
        CountDownLatch began = new CountDownLatch(1);

        Futures.Handed<String> handed = Futures.handOff(() -> {
            began.countDown();
            return Thread.currentThread().getName();
        }, helper);

        assertThat(began.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(handed.join()).isEqualTo("helper");
    }

    @Test
    void handedOffWorkTheHelperNeverBeginsIsDoneByTheJoiningThread() {
        Futures.Handed<String> handed = Futures.handOff(() -> Thread.currentThread().getName(), task -> {
            // Taken and dropped, as by a pool stopped with shutdownNow().
        });

        assertThat(handed.join()).isEqualTo(Thread.currentThread().getName());
    }

    private static String meetThen(CountDownLatch latch, String answer) {
        latch.countDown();
        Latches.await(latch, "the other part never started");
        return answer;
    }
}
