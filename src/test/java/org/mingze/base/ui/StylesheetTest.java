package org.mingze.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The theme's stylesheet is plain CSS that no build step checks. One unclosed "@media (max-width: 600px) {" once
 * put every rule after it into the phone-only block, and the desktop lost them silently.
 */
class StylesheetTest {

    @Test
    void every_block_in_the_theme_stylesheet_is_closed_where_it_should_be() throws IOException {
        String css = Files.readString(Path.of("frontend/themes/mingze/styles.css"))
                .replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("\"[^\"\\n]*\"", "\"\"");
        int depth = 0;
        int line = 1;
        for (char c : css.toCharArray()) {
            if (c == '\n') {
                line++;
            } else if (c == '{') {
                depth++;
                assertThat(depth).as("nesting at line %d (an @media block left open above?)", line)
                        .isLessThanOrEqualTo(2);
            } else if (c == '}') {
                depth--;
                assertThat(depth).as("a closing brace without an opening one at line %d", line).isNotNegative();
            }
        }
        assertThat(depth).as("blocks left open at the end").isZero();
    }
}
