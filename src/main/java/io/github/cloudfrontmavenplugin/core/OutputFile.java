package io.github.cloudfrontmavenplugin.core;

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
    private OutputFile() {}

    /** One invalidation in the CLI's shape; several (one per distribution) as a JSON array of that shape. */
    static void write(Path file, List<InvalidationInfo> invalidations, boolean several) throws UserFixableException {
        Object json = several
                ? invalidations.stream().map(InvalidationInfo::toCliShape).toList()
                : invalidations.get(0).toCliShape();
        String ids = invalidations.stream().map(InvalidationInfo::id).collect(Collectors.joining(", "));
        write(file, json, ids);
    }

    static void write(Path file, InvalidationInfo invalidation) throws UserFixableException {
        write(file, invalidation.toCliShape(), invalidation.id());
    }

    private static void write(Path file, Object json, String ids) throws UserFixableException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, Json.write(json), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFixableException(
                    "Cannot write <outputFile> (cloudfront.outputFile) " + file + ": " + e + " (invalidation " + ids
                            + " itself is unaffected).",
                    e);
        }
    }
}
