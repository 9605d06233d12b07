package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Collectors;

/** Saves an invalidation as the AWS CLI prints it, for later steps of a CI pipeline. */
final class OutputFile {
    private static final String PARAMETER = "<outputFile> (cloudfront.outputFile)";

    private OutputFile() {}

    /**
     * Fails when {@code file} plainly cannot be written, before anything is sent: an invalidation is not undone
     * because its record could not be saved.
     */
    static void checkWritable(Path file) throws UserFixableException {
        checkWritable(file, PARAMETER, "invalidation.json");
    }

    /**
     * @param parameter the parameter that names the file, for the message
     * @param example a file name for the message, such as {@code invalidation.json}
     */
    static void checkWritable(Path file, String parameter, String example) throws UserFixableException {
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new UserFixableException(parameter + " " + file + " is a directory; name a file, such as "
                    + absolute.resolve(example) + ".");
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UserFixableException(parameter + " " + file + " cannot be created: " + existing
                    + " is a file, not a directory. Name a file in a directory, such as target/" + example + ".");
        }
        if (existing != null && !Files.isWritable(existing)) {
            throw new UserFixableException(parameter + " " + file + " cannot be created: the directory " + existing
                    + " is not writable for this build.");
        }
    }

    /** One invalidation in the CLI's shape; several (one per distribution) as a JSON array of that shape. */
    static void write(Path file, List<InvalidationInfo> invalidations, boolean several) throws UserFixableException {
        Object json = several
                ? invalidations.stream().map(InvalidationInfo::toCliShape).toList()
                : invalidations.get(0).toCliShape();
        String ids = invalidations.stream().map(InvalidationInfo::id).collect(Collectors.joining(", "));
        write(
                file,
                json,
                invalidations.size() == 1 ? "invalidation " + ids + " itself is" : "invalidations " + ids + " are");
    }

    static void write(Path file, InvalidationInfo invalidation) throws UserFixableException {
        write(file, invalidation.toCliShape(), "invalidation " + invalidation.id() + " itself is");
    }

    private static void write(Path file, Object json, String unaffected) throws UserFixableException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, Json.write(json), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFixableException(
                    "Cannot write " + PARAMETER + " " + file + ": " + e + " (" + unaffected + " unaffected).", e);
        }
    }
}
