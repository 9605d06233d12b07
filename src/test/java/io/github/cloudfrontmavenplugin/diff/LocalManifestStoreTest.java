package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalManifestStoreTest {
    @TempDir
    Path dir;

    @Test
    void absentThenWrittenThenReadBack() throws Exception {
        LocalManifestStore store = new LocalManifestStore(dir.resolve("deploys/www.txt"));
        ManifestStore.Snapshot absent = store.read(dir);
        assertEquals(ManifestStore.Snapshot.ABSENT, absent);

        Path next = dir.resolve("next");
        Files.writeString(next, "v1");
        store.replace(absent, next);

        ManifestStore.Snapshot first = store.read(dir);
        assertEquals(Optional.of(dir.resolve("deploys/www.txt")), first.file());
        assertEquals("v1", Files.readString(first.file().get()));
        try (var leftovers = Files.list(dir.resolve("deploys"))) {
            assertEquals(1, leftovers.count(), "no temporary files are left behind");
        }
    }

    @Test
    void aManifestChangedSinceItWasReadIsNotOverwritten() throws Exception {
        Path file = dir.resolve("m.txt");
        Files.writeString(file, "v1");
        LocalManifestStore store = new LocalManifestStore(file);
        ManifestStore.Snapshot basis = store.read(dir);
        Files.writeString(file, "v2 from another deploy");
        Path next = dir.resolve("next");
        Files.writeString(next, "v2 from this deploy");

        UserFixableException e = assertThrows(UserFixableException.class, () -> store.replace(basis, next));

        assertTrue(e.getMessage().contains("was changed by another deploy while this one ran"), e.getMessage());
        assertEquals("v2 from another deploy", Files.readString(file));
    }
}
