package org.mingze.org.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The columns of a member import file, in template order. {@code field} is the name the rules use in a
 * {@link org.mingze.base.validation.Problem} ("name", "employeeNo" ...); {@code header} is the Chinese column title of
 * the template; the English title and a few common variants are accepted too.
 */
public enum MemberColumn {
    NAME("name", "姓名", "Name", "名字"),
    EMPLOYEE_NO("employeeNo", "警号", "Employee No", "Employee Number", "警员编号"),
    UNIT("unit", "所在单位", "Unit", "单位", "所在支部", "所在党组织"),
    POST("post", "职务", "Post", "Position"),
    LEADER("leader", "领导干部", "Leader", "是否领导干部"),
    PARTY_MEMBER("partyMember", "党员", "Party member", "是否党员"),
    PHONE("phone", "手机号", "Phone", "手机", "手机号码", "Mobile");

    private static final Pattern TRAILING_NOTE = Pattern.compile("[（(][^）)]*[）)]$");
    private static final Pattern NOISE = Pattern.compile("[\\s*＊_\\-.:：]");

    private final String field;
    private final String header;
    private final String englishHeader;
    private final List<String> aliases;

    MemberColumn(String field, String header, String englishHeader, String... aliases) {
        this.field = field;
        this.header = header;
        this.englishHeader = englishHeader;
        this.aliases = List.of(aliases);
    }

    public String field() {
        return field;
    }

    public String header() {
        return header;
    }

    public String englishHeader() {
        return englishHeader;
    }

    /**
     * The column a header cell names. Ignores spaces, case, a leading or trailing "*" and a trailing note in
     * brackets, so that "警号*", "领导干部（是/否）" and "employee_no" are recognised.
     */
    public static Optional<MemberColumn> byHeader(String text) {
        String key = key(text);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(c -> key.equals(key(c.header)) || key.equals(key(c.englishHeader))
                || key.equals(key(c.field)) || c.aliases.stream().anyMatch(a -> key.equals(key(a)))).findFirst();
    }

    private static String key(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip();
        s = TRAILING_NOTE.matcher(s).replaceAll("");
        return NOISE.matcher(s).replaceAll("").toLowerCase(Locale.ROOT);
    }
}
