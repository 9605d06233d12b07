package io.github.cloudfrontmavenplugin.lock;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A lock in a file next to a local manifest. It is created exclusively ({@code CREATE_NEW}: of two builds exactly one
 * creates it); renewed, taken over and removed only after checking, under the operating system's file lock, that it
 * still holds what was read (its SHA-256 is the version). A file lock is held per process, so builds in one JVM (the
 * modules of a parallel reactor, tests) also take the path's monitor.
 */
final class LocalLockStore implements LockStore {
    private final Path file;
    /** One monitor per lock path for the whole JVM: an interned string is the JVM's own table of them. */
    private final Object monitor;

    LocalLockStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
        this.monitor = this.file.toString().intern();
    }

    @Override
    public Optional<Stored> read() throws UserFixableException {
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                    FileLock ignored = channel.lock(0, Long.MAX_VALUE, true)) {
                byte[] content = readAll(channel);
                return Optional.of(new Stored(content, sha256(content)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw failed("read", e);
            }
        }
    }

    @Override
    public String create(byte[] content) throws Changed, UserFixableException {
        synchronized (monitor) {
            try {
                Files.createDirectories(file.getParent());
                try (FileChannel channel = FileChannel.open(
                                file,
                                StandardOpenOption.CREATE_NEW,
                                StandardOpenOption.WRITE,
                                StandardOpenOption.READ);
                        FileLock ignored = channel.lock()) {
                    // Between the create and this write another process may read it empty: it reads again later.
                    write(channel, content);
                }
                return sha256(content);
            } catch (FileAlreadyExistsException e) {
                throw new Changed("the lock exists");
            } catch (IOException e) {
                throw failed("create", e);
            }
        }
    }

    @Override
    public String replace(String version, byte[] content) throws Changed, UserFixableException {
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!sha256(readAll(channel)).equals(version)) {
                    throw new Changed("the lock changed");
                }
                channel.truncate(0);
                write(channel, content);
                // A holder that removed the file while this process waited for its file lock leaves this write on a
                // file no path names any more: the path must show what was written.
                if (!Arrays.equals(readPath(), content)) {
                    throw new Changed("the lock was removed");
                }
                return sha256(content);
            } catch (NoSuchFileException e) {
                throw new Changed("the lock was removed");
            } catch (IOException e) {
                throw failed("write", e);
            }
        }
    }

    @Override
    public void delete(String version) throws Changed, UserFixableException {
        synchronized (monitor) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                if (!sha256(readAll(channel)).equals(version)) {
                    throw new Changed("the lock changed");
                }
                Files.delete(file);
            } catch (NoSuchFileException e) {
                throw new Changed("the lock was removed");
            } catch (IOException e) {
                throw failed("remove", e);
            }
        }
    }

    private byte[] readPath() throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 20));
        channel.position(0);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
            // reads until full or at the end
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static void write(FileChannel channel, byte[] content) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        channel.position(0);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        channel.force(true);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private UserFixableException failed(String verb, IOException e) {
        return new UserFixableException("Cannot " + verb + " the deploy lock " + file + ": " + e, e);
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void close() {}
}
