package org.mingze.schedule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ICalendarTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    String one(String summary, String location, String description, boolean cancelled) {
        return ICalendar.write("城关派出所党支部·会议", List.of(new ICalendar.Event("session-7@mingze",
                        LocalDateTime.of(2027, 3, 5, 14, 30), LocalDateTime.of(2027, 3, 5, 16, 0), summary, location,
                        description, null, cancelled)), SHANGHAI, Instant.parse("2027-02-01T00:00:00Z"));
    }

    @Test
    void times_are_written_in_utc_from_the_bureaus_local_time() {
        String ics = one("主题党日：一岗双责", "党员活动室", null, false);

        assertThat(ics).contains("DTSTART:20270305T063000Z\r\n", "DTEND:20270305T080000Z\r\n",
                "UID:session-7@mingze\r\n", "STATUS:CONFIRMED\r\n");
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").endsWith("END:VCALENDAR\r\n");
    }

    @Test
    void commas_semicolons_backslashes_and_newlines_in_text_are_escaped() {
        String ics = one("党课; 第一讲, 主体责任", "二楼\\会议室", "议程：\n1. 学习\n2. 讨论", false);

        assertThat(ics).contains("SUMMARY:党课\\; 第一讲\\, 主体责任\r\n", "LOCATION:二楼\\\\会议室\r\n",
                "DESCRIPTION:议程：\\n1. 学习\\n2. 讨论\r\n");
    }

    @Test
    void long_chinese_lines_are_folded_at_75_octets_without_splitting_a_character() {
        String longTopic = "学习贯彻党委（党组）落实全面从严治党主体责任规定，推动压力传导到底防止逐级弱化".repeat(3);
        String ics = one(longTopic, null, null, false);

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + longTopic + "\r\n");
    }

    @Test
    void a_cancelled_session_stays_in_the_feed_marked_cancelled() {
        assertThat(one("取消的会", null, null, true)).contains("STATUS:CANCELLED\r\n");
    }
}
