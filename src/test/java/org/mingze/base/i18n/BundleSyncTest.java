package org.mingze.base.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BundleSyncTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    @Test
    void every_key_exists_in_chinese_and_in_english() throws IOException {
        Properties zh = load("zh");
        Properties en = load("en");
        Set<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        Set<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        assertThat(onlyZh).as("keys missing in messages_en.properties").isEmpty();
        assertThat(onlyEn).as("keys missing in messages_zh.properties").isEmpty();
    }

    @Test
    void both_languages_use_the_same_placeholders_for_each_key() throws IOException {
        Properties zh = load("zh");
        Properties en = load("en");
        for (String key : zh.stringPropertyNames()) {
            assertThat(placeholders(en.getProperty(key, ""))).as("placeholders of " + key)
                    .isEqualTo(placeholders(zh.getProperty(key)));
        }
    }

    @Test
    void no_text_is_empty_and_chinese_texts_are_chinese() throws IOException {
        Properties zh = load("zh");
        for (String key : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(key)).as(key).isNotBlank();
        }
        assertThat(zh.getProperty("menu.home")).isEqualTo("我的待办");
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Properties load(String lang) throws IOException {
        Properties p = new Properties();
        try (var in = BundleSyncTest.class.getResourceAsStream("/i18n/messages_" + lang + ".properties")) {
            assertThat(in).as("bundle " + lang).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
