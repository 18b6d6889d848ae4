package org.genrelens.audio;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeadlineTest {

    /** As when closing a stream whose lock a looping decoder holds: the action blocks, the next deadline fires. */
    @Test
    void expiryActionThatBlocksDoesNotStopTheNextDeadline() throws Exception {
        Object decoderLock = new Object();
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondRan = new CountDownLatch(1);
        synchronized (decoderLock) {
            try (Deadline first = Deadline.after(Duration.ofMillis(50));
                    Deadline second = Deadline.after(Duration.ofMillis(300))) {
                first.onExpiry(() -> {
                    firstStarted.countDown();
                    synchronized (decoderLock) { // held by this test until the end
                        decoderLock.notifyAll();
                    }
                });
                second.onExpiry(secondRan::countDown);

                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    assertTrue(firstStarted.await(5, TimeUnit.SECONDS), "first action started");
                    assertTrue(secondRan.await(5, TimeUnit.SECONDS), "second deadline fired");
                });
                assertTrue(first.expired() && second.expired());
            }
        }
    }
}
