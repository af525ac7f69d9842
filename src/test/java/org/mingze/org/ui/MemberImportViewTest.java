package org.mingze.org.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.TestData;
import org.mingze.org.MemberService;
import org.mingze.org.internal.MemberRepository;
import org.springframework.beans.factory.annotation.Autowired;

class MemberImportViewTest extends KaribuTest {

    private static final String HEADER = "姓名,警号,所在单位,职务,领导干部,党员,手机号\r\n";

    @Autowired
    MemberRepository members;
    @Autowired
    MemberService memberService;

    @Test
    void an_organiser_sees_the_import_page_with_both_templates_and_the_upload() {
        login("lihm");
        UI.getCurrent().navigate("admin/members/import");

        _get(MemberImportView.class);
        assertThat(_get(H2.class).getText()).isEqualTo("批量导入人员");
        assertThat(_find(Anchor.class).stream().map(Anchor::getText))
                .contains("Excel 模板（.xlsx）", "CSV 模板（.csv）");
        assertThat(_find(Anchor.class, s -> s.withText("Excel 模板（.xlsx）")).get(0).getHref()).isNotBlank();
        Upload upload = _get(Upload.class);
        assertThat(upload.getMaxFileSize()).isEqualTo(5 * 1024 * 1024);
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo("选择文件…");
    }

    @Test
    void a_learner_is_shown_the_not_found_page_instead_of_the_import() {
        login("wangzh");
        UI.getCurrent().navigate("admin/members/import");

        _assertNone(MemberImportView.class);
        _assertNone(Upload.class);
        assertThat(_get(H2.class).getText()).isEqualTo("页面不存在或无权访问");
    }

    @Test
    void uploading_a_file_with_a_bad_row_imports_nothing_and_lists_that_row_and_its_reason() {
        login("lihm");
        UI.getCurrent().navigate("admin/members/import");
        String good = "IV" + (100000 + TestData.next());
        String bad = "IV" + (100000 + TestData.next());
        String csv = HEADER
                + "林一," + good + ",城关派出所党支部,民警,否,是,\r\n"
                + "林二," + bad + ",城关派出所党支部,民警,否,是,1234\r\n";

        UploadKt._upload(_get(Upload.class), "坏名单.csv", "text/csv", bom(csv));

        assertThat(_find(Span.class, s -> s.withText("未导入任何数据"))).hasSize(1);
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid, 0)).containsExactly("3", "手机号",
                "手机号“1234”格式不对：应为 11 位手机号（如 13912345678）或带区号的座机号（如 0571-87654321）。");
        assertThat(members.existsByEmployeeNo(good)).isFalse();
        assertThat(members.existsByEmployeeNo(bad)).isFalse();
    }

    @Test
    void uploading_a_good_file_shows_the_counts_and_a_way_back_to_the_members() {
        login("lihm");
        UI.getCurrent().navigate("admin/members/import");
        String no = "IV" + (100000 + TestData.next());

        UploadKt._upload(_get(Upload.class), "好名单.csv", "text/csv",
                bom(HEADER + "林三," + no + ",城关派出所党支部,民警,否,是,13911112222\r\n"));

        assertThat(_find(Span.class, s -> s.withText("导入成功：新增 1 人，更新 0 人，0 人信息无变化。"))).hasSize(1);
        _assertNone(Grid.class);
        assertThat(memberService.byEmployeeNo(no)).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("林三"));
    }

    private static byte[] bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[body.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(body, 0, out, 3, body.length);
        return out;
    }
}
