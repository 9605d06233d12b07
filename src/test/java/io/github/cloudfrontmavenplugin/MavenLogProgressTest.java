package io.github.cloudfrontmavenplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.api.Test;

class MavenLogProgressTest {

    /** A Maven log that notices when a second line starts before the first is written out. */
    private static final class OverlapNoticingLog {
        final AtomicInteger writing = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final AtomicInteger lines = new AtomicInteger();

        Log log() {
            return (Log) Proxy.newProxyInstance(
                    Log.class.getClassLoader(), new Class<?>[] {Log.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("is")) {
                            return true;
                        }
                        int now = writing.incrementAndGet();
                        mostAtOnce.accumulateAndGet(now, Math::max);
                        Thread.sleep(2);
                        lines.incrementAndGet();
                        writing.decrementAndGet();
                        return null;
                    });
        }
    }

    @Test
    void threadsReportingThroughDifferentExecutionsWriteOneLineAtATime() throws Exception {
        OverlapNoticingLog target = new OverlapNoticingLog();
        // Two executions of the plugin (two reactor modules) share Maven's logger, as they do in a -T build.
        List<MavenLogProgress> executions =
                List.of(new MavenLogProgress(target.log()), new MavenLogProgress(target.log()));
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            MavenLogProgress progress = executions.get(i % 2);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int line = 0; line < 10; line++) {
                    progress.info("info");
                    progress.warn("warn");
                    progress.debug("debug");
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(6 * 10 * 3, target.lines.get());
        assertEquals(1, target.mostAtOnce.get(), "lines written at the same time");
    }
}
