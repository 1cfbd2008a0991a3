package io.github.streamharness.internal.stream;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class PutLockTest {
    private int counter;

    @Test
    void twoThreadsCountingUnderTheLockLoseNoIncrement() throws Exception { // rule 19.2: puts from many threads
        PutLock lock = new PutLock();
        Runnable count = () -> {
            for (int i = 0; i < 20_000; i++) {
                lock.lock();
                try {
                    counter++;
                } finally {
                    lock.unlock();
                }
            }
        };
        Thread other = new Thread(count);
        other.start();
        count.run();
        other.join();
        assertThat(counter).isEqualTo(40_000);
    }

    @Test
    void theHolderTakesItAgainAndOnlyTheLastUnlockLetsAnotherThreadIn() throws Exception {
        PutLock lock = new PutLock();
        lock.lock();
        lock.lock(); // a listener asking the stream for a key's hash inside a put
        lock.unlock();
        AtomicReference<String> seen = new AtomicReference<>("not yet");
        Thread other = new Thread(() -> {
            lock.lock();
            seen.set("in");
            lock.unlock();
        });
        other.start();
        other.join(50);
        assertThat(seen.get()).isEqualTo("not yet"); // still held once
        lock.unlock();
        other.join();
        assertThat(seen.get()).isEqualTo("in");
    }
}
