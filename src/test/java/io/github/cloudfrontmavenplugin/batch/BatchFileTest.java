package io.github.cloudfrontmavenplugin.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.cloudfrontmavenplugin.base.UserFixableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchFileTest {
    private static final String PARAMETER = "<invalidationBatch>";

    @TempDir
    Path dir;

    private BatchFile read(String json) throws IOException, UserFixableException {
        Path file = dir.resolve("inv-batch.json");
        Files.writeString(file, json);
        return BatchFile.read(file, PARAMETER);
    }

    private String failure(String json) {
        return assertThrows(UserFixableException.class, () -> read(json)).getMessage();
    }

    @Test
    void readsTheAwsCliShape() throws Exception {
        BatchFile batch = read("""
                {
                  "Paths": {
                    "Quantity": 2,
                    "Items": ["/index.html", "/error.html"]
                  },
                  "CallerReference": "my-invalidation-2015-09-01"
                }
                """);
        assertEquals(List.of("/index.html", "/error.html"), batch.paths());
        assertEquals(Optional.of("my-invalidation-2015-09-01"), batch.callerReference());
    }

    @Test
    void callerReferenceMayBeLeftOut() throws Exception {
        assertEquals(
                Optional.empty(),
                read("{\"Paths\": {\"Quantity\": 1, \"Items\": [\"/a\"]}}").callerReference());
    }

    @Test
    void quantityMustMatchItems() {
        String message =
                failure("{\"Paths\": {\"Quantity\": 3, \"Items\": [\"/a\", \"/b\"]}, \"CallerReference\": \"r\"}");
        assertTrue(message.contains("\"Paths.Quantity\" is 3 but \"Paths.Items\" has 2 paths"), message);
        assertTrue(message.contains("inv-batch.json"), message);
    }

    @Test
    void quantityZeroWithoutItemsIsAnEmptyBatch() throws Exception {
        assertEquals(
                List.of(),
                read("{\"Paths\": {\"Quantity\": 0}, \"CallerReference\": \"r\"}")
                        .paths());
    }

    @Test
    void refusesUnknownKeysAsTheCliDoes() {
        assertTrue(failure("{\"Paths\": {\"Quantity\": 0}, \"Caller\": \"r\"}").contains("unknown key \"Caller\""));
        assertTrue(failure("{\"Paths\": {\"Quantity\": 0, \"Item\": []}}").contains("unknown key \"Paths.Item\""));
    }

    @Test
    void refusesMissingOrMistypedFields() {
        assertTrue(failure("{\"CallerReference\": \"r\"}").contains("has no \"Paths\""));
        assertTrue(failure("{\"Paths\": {\"Items\": [\"/a\"]}}").contains("\"Paths.Quantity\" must be a whole number"));
        assertTrue(failure("{\"Paths\": {\"Quantity\": \"1\", \"Items\": [\"/a\"]}}")
                .contains("whole number"));
        assertTrue(failure("{\"Paths\": {\"Quantity\": 1, \"Items\": \"/a\"}}").contains("must be a list"));
        assertTrue(failure("{\"Paths\": {\"Quantity\": 1, \"Items\": [1]}}").contains("must be a string"));
        assertTrue(failure("{\"Paths\": {\"Quantity\": 0}, \"CallerReference\": \"\"}")
                .contains("non-empty"));
        assertTrue(failure("[]").contains("must be a JSON object"));
    }

    @Test
    void refusesText() {
        String message = failure("Paths=/a");
        assertTrue(message.contains("is not valid JSON"), message);
    }

    @Test
    void namesAMissingFile() {
        UserFixableException e =
                assertThrows(UserFixableException.class, () -> BatchFile.read(dir.resolve("nope.json"), PARAMETER));
        assertTrue(e.getMessage().contains("nope.json does not exist"), e.getMessage());
    }
}
