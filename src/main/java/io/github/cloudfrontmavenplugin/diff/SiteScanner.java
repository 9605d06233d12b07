package io.github.cloudfrontmavenplugin.diff;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a built site depth first, children in sorted order, so files come out in {@link PathOrder}.
 *
 * <p>Symbolic links are followed, to files and to directories, as {@code aws s3 sync} does by default: what a link
 * points to is what gets deployed. A link that points nowhere is skipped with a warning (it deploys nothing); a link
 * back to a directory being walked is an error, since the site would be infinite.
 */
public final class SiteScanner {
    /** A file to deploy: its path relative to the site root, with {@code /} between names, where it is, its size. */
    public record SiteFile(String relativePath, Path file, long size) {}

    @FunctionalInterface
    public interface Sink {
        void accept(SiteFile file) throws IOException;
    }

    private final AntPatterns filter;
    private final Consumer<String> warnings;

    public SiteScanner(AntPatterns filter, Consumer<String> warnings) {
        this.filter = filter;
        this.warnings = warnings;
    }

    public void scan(Path root, Sink sink) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new java.nio.file.NoSuchFileException(root.toString(), null, "not a directory");
        }
        walk(root, "", new HashSet<>(), sink);
    }

    private void walk(Path directory, String prefix, Set<Path> ancestors, Sink sink) throws IOException {
        Path real = directory.toRealPath();
        if (!ancestors.add(real)) {
            throw new IOException("The site contains a symbolic link loop: " + directory + " leads back to " + real);
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
            for (Path child : children) {
                names.add(child.getFileName().toString());
            }
        }
        names.sort(null);
        for (String name : names) {
            Path child = directory.resolve(name);
            String relative = prefix + name;
            BasicFileAttributes attributes;
            try {
                // One stat per entry, following links: on large sites the walk is bound by system calls.
                attributes = Files.readAttributes(child, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                if (Files.isSymbolicLink(child)) {
                    warnings.accept("Skipping " + relative + ": it is a symbolic link to "
                            + Files.readSymbolicLink(child) + ", which does not exist");
                    continue;
                }
                throw e;
            }
            if (attributes.isDirectory()) {
                walk(child, relative + "/", ancestors, sink);
            } else if (attributes.isRegularFile() && filter.matches(relative)) {
                sink.accept(new SiteFile(relative, child, attributes.size()));
            }
        }
        ancestors.remove(real);
    }
}
