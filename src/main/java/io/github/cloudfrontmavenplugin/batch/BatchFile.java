package io.github.cloudfrontmavenplugin.batch;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/**
 * The JSON file {@code aws cloudfront create-invalidation --invalidation-batch file://batch.json} reads:
 *
 * <pre>{ "Paths": { "Quantity": 2, "Items": ["/index.html", "/img/*"] }, "CallerReference": "release-42" }</pre>
 *
 * Read as strictly as the AWS CLI reads it, so a file that works here works there and the other way round.
 */
public record BatchFile(List<String> paths, Optional<String> callerReference) {
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("Paths", "CallerReference");
    private static final Set<String> PATHS_KEYS = Set.of("Quantity", "Items");

    public BatchFile {
        paths = List.copyOf(paths);
    }

    public static BatchFile read(Path file, String parameter) throws UserFixableException {
        String where = parameter + " file " + file;
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = JsonNode.parser().parse(in);
        } catch (NoSuchFileException e) {
            throw new UserFixableException(where + " does not exist. Point " + parameter
                    + " at a JSON file shaped like {\"Paths\": {\"Quantity\": 1, \"Items\": [\"/index.html\"]},"
                    + " \"CallerReference\": \"...\"}.");
        } catch (IOException e) {
            throw new UserFixableException("Cannot read " + where + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserFixableException(where + " is not valid JSON: " + firstLine(e.getMessage()), e);
        }
        return parse(root, where);
    }

    static BatchFile parse(JsonNode root, String where) throws UserFixableException {
        Map<String, JsonNode> top = object(root, where, "the top level");
        rejectUnknownKeys(top, TOP_LEVEL_KEYS, where, "");
        JsonNode pathsNode = top.get("Paths");
        if (pathsNode == null) {
            throw new UserFixableException(
                    where + " has no \"Paths\"; add" + " \"Paths\": {\"Quantity\": N, \"Items\": [...]}.");
        }
        Map<String, JsonNode> pathsObject = object(pathsNode, where, "\"Paths\"");
        rejectUnknownKeys(pathsObject, PATHS_KEYS, where, "Paths.");
        JsonNode quantityNode = pathsObject.get("Quantity");
        if (quantityNode == null
                || !quantityNode.isNumber()
                || !quantityNode.asNumber().matches("\\d+")) {
            throw new UserFixableException(
                    where + ": \"Paths.Quantity\" must be a whole number equal to the number" + " of \"Paths.Items\".");
        }
        List<String> items = new ArrayList<>();
        JsonNode itemsNode = pathsObject.get("Items");
        if (itemsNode != null && !itemsNode.isNull()) {
            if (!itemsNode.isArray()) {
                throw new UserFixableException(where + ": \"Paths.Items\" must be a list of path strings.");
            }
            for (JsonNode item : itemsNode.asArray()) {
                if (!item.isString()) {
                    throw new UserFixableException(
                            where + ": every entry of \"Paths.Items\" must be a string, but" + " one is " + item + ".");
                }
                items.add(item.asString());
            }
        }
        long quantity = Long.parseLong(quantityNode.asNumber());
        if (quantity != items.size()) {
            throw new UserFixableException(where + ": \"Paths.Quantity\" is " + quantity + " but \"Paths.Items\" has "
                    + items.size() + (items.size() == 1 ? " path" : " paths")
                    + "; CloudFront rejects such a batch (InconsistentQuantities). Make them equal.");
        }
        JsonNode referenceNode = top.get("CallerReference");
        Optional<String> reference = Optional.empty();
        if (referenceNode != null && !referenceNode.isNull()) {
            if (!referenceNode.isString() || referenceNode.asString().isBlank()) {
                throw new UserFixableException(where + ": \"CallerReference\" must be a non-empty string.");
            }
            reference = Optional.of(referenceNode.asString());
        }
        return new BatchFile(items, reference);
    }

    private static Map<String, JsonNode> object(JsonNode node, String where, String what) throws UserFixableException {
        if (!node.isObject()) {
            throw new UserFixableException(where + ": " + what + " must be a JSON object.");
        }
        return node.asObject();
    }

    private static void rejectUnknownKeys(Map<String, JsonNode> object, Set<String> known, String where, String prefix)
            throws UserFixableException {
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw new UserFixableException(where + ": unknown key \"" + prefix + key + "\"; the AWS CLI shape"
                        + " allows only "
                        + known.stream()
                                .sorted()
                                .map(k -> "\"" + prefix + k + "\"")
                                .toList()
                        + ".");
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
