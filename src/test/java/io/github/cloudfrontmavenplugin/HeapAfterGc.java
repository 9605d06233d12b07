package io.github.cloudfrontmavenplugin;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/** For benchmarks: the most heap held right after any garbage collection, which is what a program really keeps. */
public final class HeapAfterGc {
    private final AtomicLong max = new AtomicLong();

    private HeapAfterGc() {}

    public static HeapAfterGc track() {
        HeapAfterGc tracker = new HeapAfterGc();
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector)
                    .addNotificationListener(
                            (notification, handback) -> {
                                if (notification
                                        .getType()
                                        .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                                    long used = GarbageCollectionNotificationInfo.from(
                                                    (CompositeData) notification.getUserData())
                                            .getGcInfo()
                                            .getMemoryUsageAfterGc()
                                            .values()
                                            .stream()
                                            .mapToLong(MemoryUsage::getUsed)
                                            .sum();
                                    tracker.max.accumulateAndGet(used, Math::max);
                                }
                            },
                            null,
                            null);
        }
        return tracker;
    }

    public long maxMiB() {
        return max.get() >> 20;
    }

    public void reset() {
        max.set(0);
    }
}
