package org.mingze.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.audit.AuditLog;
import org.mingze.base.audit.AuditRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class AuditLogViewTest extends KaribuTest {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcTemplate jdbc;

    @SuppressWarnings("unchecked")
    private Grid<AuditRecord> grid() {
        return _get(Grid.class, spec -> spec.withId("audit-grid"));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<String> actionFilter() {
        return _get(ComboBox.class, spec -> spec.withId("audit-action"));
    }

    private long lastId() {
        return jdbc.queryForObject("select last_id from base_audit_head where id = 1", Long.class);
    }

    @Test
    void the_auditor_sees_the_newest_entry_first_with_its_chinese_label() {
        String who = "probe" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAs(who, "UNIT_CREATE", "unit", 7, "第九党支部 (BRANCH)", "10.0.0.9");
        login("guolx");
        UI.getCurrent().navigate("audit");

        Grid<AuditRecord> grid = grid();
        assertThat(GridKt._size(grid)).isEqualTo(jdbc.queryForObject("select count(*) from base_audit_entry",
                Integer.class));
        assertThat(GridKt._get(grid, 0).id()).isEqualTo(lastId());
        assertThat(GridKt._getFormatted(grid, 0, "actor")).isEqualTo(who);
        assertThat(GridKt._getFormatted(grid, 0, "action")).isEqualTo("新增单位");
        assertThat(GridKt._getFormatted(grid, 0, "object")).isEqualTo("单位 7");
        assertThat(GridKt._getFormatted(grid, 0, "source")).isEqualTo("10.0.0.9");
        assertThat(GridKt._getFormatted(grid, 0, "time")).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d\\d:\\d\\d");
        assertThat(_get(Span.class, spec -> spec.withId("audit-total")).getText()).startsWith("共 ").endsWith(" 条记录");
    }

    @Test
    void the_auditor_filters_by_action_and_sees_only_those_entries() {
        String who = "filter" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAs(who, "MEMBER_DEACTIVATE", "member", 12, "测试人员 T100012", null);
        audit.recordAs(who, "LOGIN_SUCCESS", "account", who, null, null);
        login("guolx");
        UI.getCurrent().navigate("audit");

        ComboBox<String> action = actionFilter();
        assertThat(action.getListDataView().getItems().toList())
                .contains("LOGIN_SUCCESS", "MEMBER_DEACTIVATE", "MEMBER_IMPORT", "AUDIT_VERIFY");
        assertThat(action.getItemLabelGenerator().apply("MEMBER_DEACTIVATE")).isEqualTo("停用人员");
        action.setValue("MEMBER_DEACTIVATE");

        Grid<AuditRecord> grid = grid();
        int rows = GridKt._size(grid);
        assertThat(rows).isEqualTo(jdbc.queryForObject(
                "select count(*) from base_audit_entry where action = 'MEMBER_DEACTIVATE'", Integer.class));
        for (int i = 0; i < rows; i++) {
            assertThat(GridKt._getFormatted(grid, i, "action")).isEqualTo("停用人员");
        }
        assertThat(GridKt._getFormatted(grid, 0, "actor")).isEqualTo(who);
    }

    @Test
    void an_action_the_bundle_does_not_name_shows_as_its_code() {
        audit.recordAs("tester", "QUIZ_SOMETHING_NEW", "quiz", 1, null, null);
        login("admin");
        UI.getCurrent().navigate("audit");
        assertThat(GridKt._getFormatted(grid(), 0, "action")).isEqualTo("QUIZ_SOMETHING_NEW");
    }

    @Test
    void on_a_375px_phone_the_grid_keeps_time_person_action_and_detail_and_the_filters_fold_away() {
        login("guolx");
        UI.getCurrent().navigate("audit");
        AuditLogView view = _get(AuditLogView.class);
        view.adaptTo(375);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
                .containsExactly("time", "actor", "action", "detail");
        assertThat(_get(com.vaadin.flow.component.details.Details.class).isOpened()).isFalse();
        view.adaptTo(1280);
        assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible)).hasSize(7);
        assertThat(_get(com.vaadin.flow.component.details.Details.class).isOpened()).isTrue();
    }

    @Test
    void the_date_pickers_speak_chinese() {
        login("guolx");
        UI.getCurrent().navigate("audit");
        DatePicker from = _get(DatePicker.class, spec -> spec.withId("audit-from"));
        assertThat(from.getLabel()).isEqualTo("开始日期");
        assertThat(from.getI18n().getMonthNames()).startsWith("一月", "二月").endsWith("十二月");
        assertThat(from.getI18n().getWeekdays()).startsWith("星期日", "星期一");
        assertThat(from.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        assertThat(from.getI18n().getDateFormats()).contains("yyyy年M月d日", "yyyy-MM-dd");
        assertThat(from.getI18n().getToday()).isEqualTo("今天");
    }

    @Test
    void the_verify_button_reports_an_intact_chain_with_the_number_of_entries() {
        login("guolx");
        UI.getCurrent().navigate("audit");
        long entries = jdbc.queryForObject("select count(*) from base_audit_entry", Long.class);
        ButtonKt._click(_get(Button.class, spec -> spec.withId("audit-verify")));

        Div result = _get(Div.class, spec -> spec.withId("audit-chain"));
        assertThat(result.isVisible()).isTrue();
        assertThat(result.getClassNames()).contains("intact").doesNotContain("broken");
        assertThat(result.getElement().getTextRecursively())
                .isEqualTo("日志链完整：已逐条校验全部 " + String.format("%,d", entries) + " 条记录，未发现修改、删除或插入。");
        // the verification is recorded and the grid shows it on top
        assertThat(GridKt._getFormatted(grid(), 0, "action")).isEqualTo("校验日志链");
        assertThat(_get(Button.class, spec -> spec.withId("audit-verify")).isEnabled()).isTrue();
    }

    @Test
    void a_broken_chain_is_reported_in_red_with_the_entry_and_the_problem() {
        audit.recordAs("tester", "TEST_PROBE", "test", null, "original", null);
        long id = lastId();
        jdbc.update("update base_audit_entry set detail = 'forged' where id = ?", id);
        try {
            login("guolx");
            UI.getCurrent().navigate("audit");
            ButtonKt._click(_get(Button.class, spec -> spec.withId("audit-verify")));
            Div result = _get(Div.class, spec -> spec.withId("audit-chain"));
            assertThat(result.getClassNames()).contains("broken", "bg-error", "text-error-contrast");
            assertThat(result.getElement().getAttribute("role")).isEqualTo("alert");
            assertThat(result.getElement().getTextRecursively())
                    .isEqualTo("日志链已被破坏！第一处问题在第 " + id + " 号记录：记录内容与其哈希值不符，可能被篡改。");
        } finally {
            jdbc.update("update base_audit_entry set detail = 'original' where id = ?", id);
        }
    }

    @Test
    void the_export_downloads_the_filtered_entries_under_chinese_headers() throws IOException {
        String who = "export" + UUID.randomUUID().toString().substring(0, 8);
        audit.recordAs(who, "ACCOUNT_UNLOCK", "account", who, null, "10.0.0.3");
        audit.recordAs(who, "ACCOUNT_ROLES", "account", who, "roles [LEARNER, AUDITOR]", "10.0.0.3");
        login("guolx");
        UI.getCurrent().navigate("audit");
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("audit-actor")).setValue(who);

        byte[] xlsx = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("audit-export")));
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> headers = new java.util.ArrayList<>();
            sheet.getRow(0).forEach(c -> headers.add(c.getStringCellValue()));
            assertThat(headers).containsExactly("编号", "时间", "人员", "操作", "操作代码", "对象类型", "对象编号", "来源地址",
                    "详情", "哈希值");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row newest = sheet.getRow(1);
            assertThat(newest.getCell(2).getStringCellValue()).isEqualTo(who);
            assertThat(newest.getCell(3).getStringCellValue()).isEqualTo("设置角色");
            assertThat(newest.getCell(8).getStringCellValue()).isEqualTo("roles [LEARNER, AUDITOR]");
            assertThat(sheet.getRow(2).getCell(3).getStringCellValue()).isEqualTo("解除锁定");
        }
        assertThat(jdbc.queryForObject("select action from base_audit_entry where id = ?", String.class, lastId()))
                .isEqualTo("AUDIT_EXPORT");
    }

    @Test
    void a_learner_cannot_open_the_audit_log_and_does_not_see_it_in_the_menu() {
        login("wangzh");
        UI.getCurrent().navigate("audit");
        _assertNone(AuditLogView.class);
        _get(NotFoundView.class);
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel).doesNotContain("审计日志");
    }

    @Test
    void an_organiser_cannot_open_the_audit_log() {
        login("zhouxy");
        UI.getCurrent().navigate("audit");
        _assertNone(AuditLogView.class);
    }

    @Test
    void the_auditor_finds_the_audit_log_in_the_menu() {
        login("guolx");
        UI.getCurrent().navigate("");
        assertThat(_get(SideNav.class).getItems()).extracting(SideNavItem::getLabel).contains("审计日志");
    }
}
