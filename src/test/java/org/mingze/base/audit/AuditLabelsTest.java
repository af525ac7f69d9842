package org.mingze.base.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit view names actions and object types from the bundle; a code written by the code base without a label
 * would show up raw (MATERIAL_UPLOAD) to an auditor. This reads the sources for the literal codes passed to
 * {@link AuditLog} and checks both languages label them.
 */
class AuditLabelsTest {

    /** {@code record("ACTION", "object", ...)}, {@code recordOnItsOwn(...)}, and {@code cond ? "A" : "B"} as action. */
    private static final Pattern CALL = Pattern.compile(
            "record(?:OnItsOwn|As)?\\((?:[^,()]*?,\\s*)?(?:[\\w.!]+\\s*\\?\\s*)?\"([A-Z][A-Z_]+)\"(?:\\s*:\\s*\"([A-Z][A-Z_]+)\")?"
                    + "\\s*,\\s*\"([a-z][a-z-]*)\"");

    @Test
    void every_audit_action_and_object_type_in_the_code_has_a_chinese_and_an_english_label() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CALL.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    keys.add("audit.action." + m.group(1));
                    if (m.group(2) != null) {
                        keys.add("audit.action." + m.group(2));
                    }
                    keys.add("audit.object." + m.group(3));
                }
            }
        }
        assertThat(keys).as("codes found in the sources").contains("audit.action.MATERIAL_UPLOAD",
                "audit.action.MEMBER_IMPORT_REJECTED", "audit.object.member");
        for (String lang : new String[] {"zh", "en"}) {
            Properties bundle = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
                bundle.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
            assertThat(keys).as("labels missing in messages_" + lang)
                    .allSatisfy(k -> assertThat(bundle.getProperty(k)).as(k).isNotBlank());
        }
    }
}
