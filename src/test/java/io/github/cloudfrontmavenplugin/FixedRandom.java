package io.github.cloudfrontmavenplugin;

import java.util.random.RandomGenerator;

/** A random generator that always answers the same, for exact assertions on jittered or random values. */
public record FixedRandom(long bits, double fraction) implements RandomGenerator {
    public static FixedRandom ofInt(int value) {
        return new FixedRandom(value, 0.5);
    }

    public static FixedRandom ofFraction(double fraction) {
        return new FixedRandom(0, fraction);
    }

    @Override
    public long nextLong() {
        return bits;
    }

    @Override
    public int nextInt() {
        return (int) bits;
    }

    @Override
    public double nextDouble() {
        return fraction;
    }
}
