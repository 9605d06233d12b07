package io.github.cloudfrontmavenplugin.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceCommitTest {
    private static final String A = "0123456789abcdef0123456789abcdef01234567";
    private static final String B = "89abcdef0123456789abcdef0123456789abcdef";
    private static final Function<String, String> NO_CI = name -> null;

    @TempDir
    Path dir;

    @Test
    void aCiVariableNamesTheCommitBeforeAnyWorkTree() throws IOException {
        Path site = gitRepository("ref: refs/heads/main\n").resolve("target/site");
        write(dir.resolve("project/.git/refs/heads/main"), B + "\n");
        for (String variable :
                new String[] {"GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT", "CODEBUILD_RESOLVED_SOURCE_VERSION"}) {
            assertEquals(Optional.of(A), SourceCommit.of(Map.of(variable, A.toUpperCase())::get, site), variable);
        }
        assertEquals(Optional.of(B), SourceCommit.of(Map.of("GIT_COMMIT", "not a commit")::get, site));
    }

    @Test
    void aDetachedHeadNamesItsCommit() throws IOException {
        Path project = gitRepository(A + "\n");
        assertEquals(Optional.of(A), SourceCommit.of(NO_CI, project.resolve("target/site")));
    }

    @Test
    void aBranchIsReadFromItsLooseRefThenFromPackedRefs() throws IOException {
        Path project = gitRepository("ref: refs/heads/feature/x\n");
        write(
                project.resolve(".git/packed-refs"),
                "# pack-refs with: peeled fully-peeled sorted\n" + B + " refs/heads/feature/x\n^" + A + "\n");
        assertEquals(Optional.of(B), SourceCommit.of(NO_CI, project));
        write(project.resolve(".git/refs/heads/feature/x"), A + "\n");
        assertEquals(Optional.of(A), SourceCommit.of(NO_CI, project), "a loose ref is newer than packed-refs");
    }

    @Test
    void aLinkedWorktreeReadsItsHeadAndTheSharedBranches() throws IOException {
        Path main = gitRepository("ref: refs/heads/main\n");
        write(main.resolve(".git/refs/heads/main"), A + "\n");
        write(main.resolve(".git/worktrees/wt/HEAD"), "ref: refs/heads/history\n");
        write(main.resolve(".git/worktrees/wt/commondir"), "../..\n");
        write(main.resolve(".git/packed-refs"), B + " refs/heads/history\n");
        Path worktree = dir.resolve("wt");
        write(worktree.resolve(".git"), "gitdir: " + main.resolve(".git/worktrees/wt") + "\n");
        Files.createDirectories(worktree.resolve("target/site"));

        assertEquals(Optional.of(B), SourceCommit.of(NO_CI, worktree.resolve("target/site")));
    }

    @Test
    void outsideAWorkTreeOrOnAnUnbornBranchTheCommitIsUnknown() throws IOException {
        Files.createDirectories(dir.resolve("plain/site"));
        assertEquals(Optional.empty(), SourceCommit.of(NO_CI, dir.resolve("plain/site")));
        Path project = gitRepository("ref: refs/heads/main\n");
        assertEquals(Optional.empty(), SourceCommit.of(NO_CI, project), "no commit on main yet");
    }

    private Path gitRepository(String head) throws IOException {
        Path project = dir.resolve("project");
        write(project.resolve(".git/HEAD"), head);
        Files.createDirectories(project.resolve("target/site"));
        return project;
    }

    private static void write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }
}
