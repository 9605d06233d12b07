package io.github.cloudfrontmavenplugin.diff;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A manifest in a local file. It is replaced by an atomic rename, so a crash leaves the old or the new one, never a
 * torn one; and only if its content is still what this deploy read, so two deploys on one machine do not silently
 * undo each other.
 */
public final class LocalManifestStore implements ManifestStore {
    private final Path file;

    public LocalManifestStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    @Override
    public Snapshot read(Path workDirectory) throws IOException {
        Optional<String> version = contentHash(file);
        return version.isEmpty() ? Snapshot.ABSENT : new Snapshot(Optional.of(file), version);
    }

    @Override
    public void replace(Snapshot basis, Path next) throws IOException, UserFixableException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try {
            Files.copy(next, temporary, StandardCopyOption.REPLACE_EXISTING);
            if (!contentHash(file).equals(basis.version())) {
                throw ManifestStore.conflict(describe());
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }

    private static Optional<String> contentHash(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
            DigestInputStream digesting = (DigestInputStream) in;
            digesting.transferTo(OutputStream.nullOutputStream());
            return Optional.of(
                    HexFormat.of().formatHex(digesting.getMessageDigest().digest()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
