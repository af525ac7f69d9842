package org.mingze.org.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.mingze.base.validation.Problem;
import org.mingze.org.MemberData;

/** The rules a member's data must meet, shared by the form and the import (which checks every row first). */
public final class MemberRules {

    public static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9]{4,20}");
    public static final Pattern PHONE = Pattern.compile("1\\d{10}|0\\d{2,3}-?\\d{7,8}");

    private MemberRules() {
    }

    /** Checks the fields alone (not uniqueness or scope, which need the database). */
    public static List<Problem> check(MemberData d) {
        List<Problem> p = new ArrayList<>();
        String name = trim(d.name());
        if (name.isEmpty()) {
            p.add(Problem.of("name", "member.error.name-required"));
        } else if (name.length() > 50) {
            p.add(Problem.of("name", "member.error.name-too-long", 50));
        }
        String no = trim(d.employeeNo());
        if (no.isEmpty()) {
            p.add(Problem.of("employeeNo", "member.error.employee-no-required"));
        } else if (!EMPLOYEE_NO.matcher(no).matches()) {
            p.add(Problem.of("employeeNo", "member.error.employee-no-format", no));
        }
        if (d.unitId() == null) {
            p.add(Problem.of("unit", "member.error.unit-required"));
        }
        if (trim(d.post()).length() > 100) {
            p.add(Problem.of("post", "member.error.post-too-long", 100));
        }
        String phone = trim(d.phone());
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            p.add(Problem.of("phone", "member.error.phone-format", phone));
        }
        return p;
    }

    public static MemberData normalise(MemberData d) {
        return new MemberData(trim(d.name()), trim(d.employeeNo()).toUpperCase(java.util.Locale.ROOT), d.unitId(),
                emptyToNull(trim(d.post())), d.leader(), d.partyMember(), emptyToNull(trim(d.phone())));
    }

    static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
