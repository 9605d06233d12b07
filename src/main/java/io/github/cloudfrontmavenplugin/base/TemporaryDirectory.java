package io.github.cloudfrontmavenplugin.base;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A directory for one step's temporary files (a manifest read from S3, the manifest about to be recorded), deleted
 * with everything in it when the step closes it.
 */
public record TemporaryDirectory(Path path) implements AutoCloseable {
    /** @param prefix the start of the directory's name, such as {@code cloudfront-manifest} */
    public static TemporaryDirectory create(String prefix) throws IOException {
        return new TemporaryDirectory(Files.createTempDirectory(prefix));
    }

    /** Deletes what it can: a file that cannot be deleted is left, with its directories, and the rest goes. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(TemporaryDirectory::deleteQuietly);
        } catch (IOException | RuntimeException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left behind, as its directory then is; harmless
        }
    }
}
