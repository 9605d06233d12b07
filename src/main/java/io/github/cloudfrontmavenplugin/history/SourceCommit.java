package io.github.cloudfrontmavenplugin.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The git commit a build was made from: named by the CI system ({@code GITHUB_SHA}, {@code CI_COMMIT_SHA}, {@code
 * GIT_COMMIT}, {@code CODEBUILD_RESOLVED_SOURCE_VERSION}), otherwise read from the git work tree around the build's
 * directory. The repository is read as files (HEAD, loose refs, packed-refs; a {@code .git} file of a linked worktree
 * or submodule), not with a git binary, which a build image may lack; anything it cannot read leaves the commit
 * unknown, never fails a deploy.
 */
public final class SourceCommit {
    private static final List<String> VARIABLES =
            List.of("GITHUB_SHA", "CI_COMMIT_SHA", "GIT_COMMIT", "CODEBUILD_RESOLVED_SOURCE_VERSION");
    /** How many symbolic refs are followed before giving up: git itself stops at 5. */
    private static final int MAX_SYMBOLIC_REFS = 5;

    private SourceCommit() {}

    /** @param directory a directory of the build, inside its work tree if it has one */
    public static Optional<String> of(Function<String, String> environment, Path directory) {
        for (String variable : VARIABLES) {
            String value = environment.apply(variable);
            if (value != null && isObjectId(value.strip())) {
                return Optional.of(value.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        try {
            return fromWorkTree(directory.toAbsolutePath().normalize());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> fromWorkTree(Path directory) throws IOException {
        for (Path dir = directory; dir != null; dir = dir.getParent()) {
            Path dotGit = dir.resolve(".git");
            if (Files.isDirectory(dotGit)) {
                return head(dotGit, dotGit);
            }
            if (Files.isRegularFile(dotGit)) {
                // A linked worktree or a submodule: "gitdir: <path>", relative to the file's directory.
                String line = firstLine(dotGit);
                if (!line.startsWith("gitdir:")) {
                    return Optional.empty();
                }
                Path gitDir =
                        dir.resolve(line.substring("gitdir:".length()).strip()).normalize();
                Path commonDir = gitDir;
                Path common = gitDir.resolve("commondir");
                if (Files.isRegularFile(common)) {
                    commonDir = gitDir.resolve(firstLine(common)).normalize();
                }
                return head(gitDir, commonDir);
            }
        }
        return Optional.empty();
    }

    /**
     * @param gitDir where this work tree's HEAD lives
     * @param commonDir where the branches live: the same directory, except for a linked worktree
     */
    private static Optional<String> head(Path gitDir, Path commonDir) throws IOException {
        String value = firstLine(gitDir.resolve("HEAD"));
        for (int depth = 0; depth <= MAX_SYMBOLIC_REFS; depth++) {
            if (isObjectId(value)) {
                return Optional.of(value);
            }
            if (!value.startsWith("ref:")) {
                return Optional.empty();
            }
            Optional<String> next = ref(value.substring("ref:".length()).strip(), gitDir, commonDir);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            value = next.get();
        }
        return Optional.empty();
    }

    /** A ref's content: its loose file, else its line in packed-refs. */
    private static Optional<String> ref(String name, Path gitDir, Path commonDir) throws IOException {
        if (name.contains("..")) {
            return Optional.empty();
        }
        for (Path dir : List.of(gitDir, commonDir)) {
            Path loose = dir.resolve(name);
            if (Files.isRegularFile(loose)) {
                return Optional.of(firstLine(loose));
            }
        }
        Path packed = commonDir.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                // "<id> <name>"; comments start with '#', peeled tags with '^'
                int space = line.indexOf(' ');
                if (space > 0 && line.substring(space + 1).equals(name)) {
                    return Optional.of(line.substring(0, space));
                }
            }
        }
        return Optional.empty();
    }

    private static String firstLine(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        int end = content.indexOf('\n');
        return (end < 0 ? content : content.substring(0, end)).strip();
    }

    /** A SHA-1 or SHA-256 object ID in hex. */
    private static boolean isObjectId(String value) {
        return (value.length() == 40 || value.length() == 64) && value.matches("[0-9a-fA-F]+");
    }
}
