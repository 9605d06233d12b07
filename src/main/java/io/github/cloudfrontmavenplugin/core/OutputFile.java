package io.github.cloudfrontmavenplugin.core;

import io.github.cloudfrontmavenplugin.cloudfront.InvalidationInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saves an invalidation as the AWS CLI prints it, for later steps of a CI pipeline. */
final class OutputFile {
    private OutputFile() {}

    static void write(Path file, InvalidationInfo invalidation) throws UserFixableException {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temporary = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, Json.write(invalidation.toCliShape()), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UserFixableException(
                    "Cannot write <outputFile> (cloudfront.outputFile) " + file + ": " + e + " (invalidation "
                            + invalidation.id() + " itself is unaffected).",
                    e);
        }
    }
}
