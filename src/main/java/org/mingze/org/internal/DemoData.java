package org.mingze.org.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.security.Role;
import org.mingze.org.UnitKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database with a demo bureau: 市公安局党委, five branches with party groups, about 60 members, and
 * one demo account per role (see README). Runs only with {@code mingze.demo.enabled=true} (the demo profile).
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "mingze.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

    /** The password of every demo account. Demo only: the prod profile never loads this class. */
    public static final String PASSWORD = "Mingze@2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙",
        "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧"};
    private static final String[] GIVEN = {"建国", "志强", "海涛", "晓明", "俊杰", "丽娟", "伟", "静", "磊", "洋",
        "勇", "艳", "杰", "涛", "明", "超", "秀英", "华", "平", "刚", "桂英", "文斌", "国庆", "红梅", "晓燕", "鹏",
        "辉", "宏伟", "玉兰", "永强", "金凤", "立新", "振华", "建军", "春燕", "德明", "少华", "凯", "雪梅", "宇"};

    private final UnitRepository units;
    private final MemberRepository members;
    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;

    DemoData(UnitRepository units, MemberRepository members, AccountRepository accounts, PasswordEncoder encoder,
             AuditLog audit, Clock clock) {
        this.units = units;
        this.members = members;
        this.accounts = accounts;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (units.count() > 0) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        Random random = new Random(20261128L);
        Set<String> usedNames = new HashSet<>(Set.of("王振华", "李红梅", "周晓燕", "郭立新"));

        Unit committee = unit("市公安局党委", UnitKind.COMMITTEE, null, 0);
        String[][] branches = {
            {"机关党支部", "政治处", "指挥中心"},
            {"治安管理大队党支部", "治安一中队", "治安二中队"},
            {"刑事侦查大队党支部", "侦查一中队", "技术中队"},
            {"交通警察大队党支部", "城区中队", "高速中队"},
            {"城关派出所党支部", "社区警务组", "案件办理组"},
        };
        String[][] leaderPosts = {
            {"局党委书记、局长", "局党委委员、政委", "局党委委员、副局长", "政治处主任", "指挥中心主任"},
            {"治安大队大队长", "治安大队教导员", "治安大队副大队长"},
            {"刑侦大队大队长", "刑侦大队教导员", "刑侦大队副大队长"},
            {"交警大队大队长", "交警大队教导员", "交警大队副大队长"},
            {"城关派出所所长", "城关派出所副所长"},
        };
        String[] staffPosts = {"民警", "民警", "民警", "一级警长", "二级警长", "中队长", "副中队长", "警务技术员",
            "社区民警", "内勤"};
        int empNo = 100101;
        List<Member> created = new ArrayList<>();
        for (int b = 0; b < branches.length; b++) {
            Unit branch = unit(branches[b][0], UnitKind.BRANCH, committee, b);
            Unit g1 = unit(branches[b][1] + "党小组", UnitKind.GROUP, branch, 0);
            Unit g2 = unit(branches[b][2] + "党小组", UnitKind.GROUP, branch, 1);
            int size = b == 0 ? 14 : 11;
            for (int i = 0; i < size; i++) {
                boolean leader = i < leaderPosts[b].length;
                Unit home = leader ? branch : (i % 2 == 0 ? g1 : g2);
                String post = leader ? leaderPosts[b][i] : staffPosts[random.nextInt(staffPosts.length)];
                Member m = member(uniqueName(random, usedNames), String.valueOf(empNo++), home, post, leader,
                        random.nextInt(10) != 0);
                created.add(m);
            }
        }
        // the people of the product story
        Member wang = member("王振华", "100901", find("城关派出所党支部"), "城关派出所副所长", true, true);
        Member li = member("李红梅", "100902", find("城关派出所党支部"), "城关派出所党支部书记、教导员", true, true);
        Member zheng = member("周晓燕", "100903", find("政治处党小组"), "政治处干部监督科科长", false, true);
        Member jiwei = member("郭立新", "100904", find("机关党支部"), "派驻纪检组组长", true, true);

        for (Member m : created) {
            account(m.getEmployeeNo(), hash, m, EnumSet.of(Role.LEARNER), null);
        }
        account("wangzh", hash, wang, EnumSet.of(Role.LEARNER), null);
        account("lihm", hash, li, EnumSet.of(Role.LEARNER, Role.ORGANIZER), find("城关派出所党支部").getId());
        account("zhouxy", hash, zheng, EnumSet.of(Role.LEARNER, Role.ORGANIZER), committee.getId());
        account("guolx", hash, jiwei, EnumSet.of(Role.LEARNER, Role.AUDITOR), null);
        Account admin = new Account("admin", hash, null, "系统管理员", clock.instant());
        admin.setRoles(EnumSet.of(Role.ADMIN));
        accounts.save(admin);
        audit.record("DEMO_DATA", "unit", committee.getId(), created.size() + 4 + " members, demo accounts");
        log.info("Demo data loaded: {} units, {} members. Demo password: {}", units.count(), members.count(),
                PASSWORD);
    }

    private Unit find(String name) {
        return units.findAll().stream().filter(u -> u.getName().equals(name)).findFirst().orElseThrow();
    }

    private Unit unit(String name, UnitKind kind, Unit parent, int order) {
        Unit u = units.saveAndFlush(new Unit(name, kind, parent == null ? null : parent.getId(), order));
        u.placeUnder(parent == null ? null : parent.getPath());
        return u;
    }

    private Member member(String name, String no, Unit unit, String post, boolean leader, boolean party) {
        Member m = new Member(name, no, unit.getId(), clock.instant());
        m.setPost(post);
        m.setLeader(leader);
        m.setPartyMember(party);
        m.setPhone("1390" + no + "8");
        return members.save(m);
    }

    private void account(String username, String hash, Member m, Set<Role> roles, Long scope) {
        Account a = new Account(username, hash, m.getId(), m.getName(), clock.instant());
        a.setRoles(roles);
        a.setScopeUnitId(scope);
        accounts.save(a);
    }

    private static String uniqueName(Random random, Set<String> used) {
        while (true) {
            String n = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            if (used.add(n)) {
                return n;
            }
        }
    }
}
