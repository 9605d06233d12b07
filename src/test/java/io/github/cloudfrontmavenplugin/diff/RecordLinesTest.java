package io.github.cloudfrontmavenplugin.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordLinesTest {
    private static final String AWKWARD = "a\tb\nc\rd\\e%41%f 100%.html";

    @Test
    void aNameWithTabNewlineBackslashAndPercentStaysOneLineOfItsFields() {
        String line = RecordLines.line(List.of("e1", "sha"), AWKWARD);

        assertEquals("e1\tsha\ta\\tb\\nc\\rd\\\\e%41%f 100%.html\n", line);
        assertEquals(1, line.split("\n", -1).length - 1, "one line end, at the end");
        assertEquals(
                Optional.of(List.of("e1", "sha", AWKWARD)),
                RecordLines.fields(line.substring(0, line.length() - 1), 3));
    }

    @Test
    void escapingLeavesPercentAndEveryOtherCharacterAlone() {
        String name = "100%/%20 \u00fc\u2028#?*[]'\"~+.html";
        assertEquals(name, RecordLines.escape(name));
        assertEquals(name, RecordLines.unescape(name));
    }

    @Test
    void aRawTabInTheNameReadsAsItselfAsInRecordsWrittenBeforeTabsWereEscaped() {
        assertEquals(
                Optional.of(List.of("e1", "sha", "fp", "a\tb\\c")), RecordLines.fields("e1\tsha\tfp\ta\tb\\\\c", 4));
    }

    @Test
    void aLineWithTooFewFieldsHasNone() {
        assertFalse(RecordLines.fields("e1\tsha", 4).isPresent());
        assertTrue(RecordLines.fields("e1\tsha\tfp\t", 4).isPresent(), "an empty last field is a field");
    }

    @Test
    void everyFieldOfAnEscapedLineMayHoldAnyCharacter() {
        List<String> fields = List.of("tab\there", "", "new\nline\r", "back\\slash\\t", "plain");
        String line = RecordLines.escapedLine(fields);
        assertEquals("tab\\there\t\tnew\\nline\\r\tback\\\\slash\\\\t\tplain\n", line);
        assertEquals(fields, RecordLines.escapedFields(line.substring(0, line.length() - 1)));
    }
}
