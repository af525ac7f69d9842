package org.mingze.quiz.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The Chinese bundle, to read a problem as a user would (and check that it is Chinese and complete). */
final class ChineseBundle {

    private static final Properties ZH = new Properties();

    static {
        try (var in = ChineseBundle.class.getResourceAsStream("/i18n/messages_zh.properties")) {
            ZH.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ChineseBundle() {
    }

    static String text(String key, List<Object> args) {
        String pattern = ZH.getProperty(key);
        assertThat(pattern).as("Chinese text of " + key).isNotBlank();
        String text = new MessageFormat(pattern, Locale.CHINESE).format(args.toArray());
        assertThat(text).as(key).containsPattern("\\p{IsHan}").doesNotContainPattern("\\{\\d}");
        return text;
    }

    static String text(BankProblem p) {
        return text(p.key(), p.args());
    }
}
