package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.HeapAfterGc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one diff as {@code cloudfront:invalidate} does, for bench/diff-vs-sha256sum.sh:
 *
 * <pre>java -Xmx256m -cp ... DiffBenchmarkMain SITE NEW_MANIFEST [PREVIOUS_MANIFEST]</pre>
 *
 * and prints its wall time, the changes found, and the heap it used: the highest use sampled every 5 ms (garbage
 * included), and the most the heap held right after a garbage collection (what the diff really keeps).
 */
public final class DiffBenchmarkMain {
    private DiffBenchmarkMain() {}

    public static void main(String[] args) throws Exception {
        Path site = Path.of(args[0]);
        Path next = Path.of(args[1]);
        Optional<Path> previous = args.length > 2 ? Optional.of(Path.of(args[2])) : Optional.empty();
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Runtime runtime = Runtime.getRuntime();
                sampledPeak.accumulateAndGet(runtime.totalMemory() - runtime.freeMemory(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        HeapAfterGc liveAfterGc = HeapAfterGc.track();
        long start = System.nanoTime();
        SiteDiff.Result result;
        long millis;
        try (HashedSite hashed = HashedSite.start(
                site,
                AntPatterns.of(List.of(), List.of()),
                Runtime.getRuntime().availableProcessors(),
                System.err::println)) {
            result = SiteDiff.compare(
                    hashed.await(), previous, previous.map(Path::toString).orElse("none"));
            millis = (System.nanoTime() - start) / 1_000_000;
            // The site's entries are the new manifest; a deploy records them from where they were hashed.
            Files.move(hashed.await(), next, StandardCopyOption.REPLACE_EXISTING);
        }
        sampler.interrupt();
        System.out.printf(
                "diff_ms=%d files=%d added=%d modified=%d deleted=%d peak_heap_sampled_mb=%d max_heap_after_gc_mb=%d"
                        + " max_heap_mb=%d%n",
                millis,
                result.unchanged() + result.added().size() + result.modified().size(),
                result.added().size(),
                result.modified().size(),
                result.deleted().size(),
                sampledPeak.get() >> 20,
                liveAfterGc.maxMiB(),
                Runtime.getRuntime().maxMemory() >> 20);
    }
}
