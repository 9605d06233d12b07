package io.github.cloudfrontmavenplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.apache.maven.plugin.logging.Log;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MavenLogProgressTest {

    /**
     * A Maven log whose first line does not finish until a second writer has come as far as it can: either into the
     * log too (two lines written at once) or stopped outside it, blocked in {@link MavenLogProgress}. Which of the two
     * happened is decided by the code under test, not by how long either thread takes.
     */
    private static final class GatedLog {
        final CountDownLatch firstLineStarted = new CountDownLatch(1);
        final AtomicInteger writing = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        final List<String> lines = new CopyOnWriteArrayList<>();
        volatile Thread second;

        Log log() {
            return (Log) Proxy.newProxyInstance(
                    Log.class.getClassLoader(), new Class<?>[] {Log.class}, (proxy, method, args) -> {
                        if (method.getName().startsWith("is")) {
                            return true;
                        }
                        int now = writing.incrementAndGet();
                        mostAtOnce.accumulateAndGet(now, Math::max);
                        if (lines.isEmpty() && firstLineStarted.getCount() > 0) {
                            firstLineStarted.countDown();
                            awaitSecondWriter();
                        }
                        lines.add(method.getName() + " " + args[0]);
                        writing.decrementAndGet();
                        return null;
                    });
        }

        /** Returns once the second writer is inside the log, blocked in MavenLogProgress, or done. */
        private void awaitSecondWriter() throws InterruptedException {
            while (second == null) {
                Thread.onSpinWait();
            }
            while (writing.get() < 2
                    && !blockedInMavenLogProgress(second)
                    && second.getState() != Thread.State.TERMINATED) {
                Thread.yield();
            }
        }

        private static boolean blockedInMavenLogProgress(Thread thread) {
            if (thread.getState() != Thread.State.BLOCKED) {
                return false;
            }
            StackTraceElement[] stack = thread.getStackTrace();
            return stack.length > 0 && stack[0].getClassName().equals(MavenLogProgress.class.getName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"info", "warn", "debug"})
    void twoExecutionsReportingAtOnceWriteOneLineAtATime(String level) throws Exception {
        GatedLog target = new GatedLog();
        // Two executions of the plugin (two reactor modules) share Maven's logger, as they do in a -T build.
        MavenLogProgress www = new MavenLogProgress(target.log());
        MavenLogProgress docs = new MavenLogProgress(target.log());
        BiConsumer<MavenLogProgress, String> report = switch (level) {
            case "info" -> MavenLogProgress::info;
            case "warn" -> MavenLogProgress::warn;
            default -> MavenLogProgress::debug;
        };

        Thread first = new Thread(() -> report.accept(www, "www"));
        first.start();
        target.firstLineStarted.await();
        Thread second = new Thread(() -> report.accept(docs, "docs"));
        target.second = second;
        second.start();
        first.join();
        second.join();

        assertEquals(1, target.mostAtOnce.get(), "lines written at the same time");
        assertEquals(List.of(level + " www", level + " docs"), target.lines);
    }
}
