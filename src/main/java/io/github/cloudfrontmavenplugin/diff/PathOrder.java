package io.github.cloudfrontmavenplugin.diff;

import java.util.Comparator;

/**
 * The order of relative paths in a manifest: segment by segment, each segment by its characters. It is the order a
 * depth-first walk with sorted children produces, so a directory can be scanned and compared with a manifest as two
 * sorted streams, without holding either in memory.
 */
public final class PathOrder implements Comparator<String> {
    public static final PathOrder INSTANCE = new PathOrder();

    private PathOrder() {}

    @Override
    public int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int endA = segmentEnd(a, i);
            int endB = segmentEnd(b, j);
            int bySegment = compareRange(a, i, endA, b, j, endB);
            if (bySegment != 0) {
                return bySegment;
            }
            i = endA + 1;
            j = endB + 1;
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private static int segmentEnd(String path, int from) {
        int slash = path.indexOf('/', from);
        return slash < 0 ? path.length() : slash;
    }

    private static int compareRange(String a, int fromA, int toA, String b, int fromB, int toB) {
        int lengthA = toA - fromA;
        int lengthB = toB - fromB;
        for (int k = 0; k < Math.min(lengthA, lengthB); k++) {
            int c = Character.compare(a.charAt(fromA + k), b.charAt(fromB + k));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(lengthA, lengthB);
    }
}
