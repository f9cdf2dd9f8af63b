package dev.doppel.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CachingSha2CacheTest {
    @Test
    void storesPerAccountAndInvalidates() {
        CachingSha2Cache cache = new CachingSha2Cache();
        byte[] digest = CachingSha2Password.fastDigest("pw");
        cache.put("app", "%", digest);

        assertThat(cache.get("app", "%")).contains(digest);
        assertThat(cache.get("app", "localhost")).isEmpty();
        assertThat(cache.get("other", "%")).isEmpty();

        cache.invalidate("app", "%");
        assertThat(cache.get("app", "%")).isEmpty();
    }

    @Test
    void clearEmptiesEverything() {
        CachingSha2Cache cache = new CachingSha2Cache();
        cache.put("a", "%", CachingSha2Password.fastDigest("1"));
        cache.put("b", "localhost", CachingSha2Password.fastDigest("2"));

        cache.clear();

        assertThat(cache.size()).isZero();
    }

    @Test
    void returnedDigestsAreCopies() {
        CachingSha2Cache cache = new CachingSha2Cache();
        byte[] digest = CachingSha2Password.fastDigest("pw");
        cache.put("a", "%", digest);
        digest[0]++;
        cache.get("a", "%").orElseThrow()[1]++;

        assertThat(cache.get("a", "%")).contains(CachingSha2Password.fastDigest("pw"));
    }

    @Test
    void concurrentUseIsSafe() throws InterruptedException {
        CachingSha2Cache cache = new CachingSha2Cache();
        CountDownLatch done = new CountDownLatch(8);
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int t = 0; t < 8; t++) {
                int thread = t;
                pool.execute(() -> {
                    for (int i = 0; i < 1000; i++) {
                        cache.put("u" + thread, "h" + i, CachingSha2Password.fastDigest("p"));
                        cache.get("u" + thread, "h" + i);
                    }
                    done.countDown();
                });
            }
            done.await();
        }
        assertThat(cache.size()).isEqualTo(8000);
    }
}
