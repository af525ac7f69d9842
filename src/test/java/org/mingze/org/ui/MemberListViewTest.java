package org.mingze.org.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.base.security.Role;
import org.mingze.org.MemberRow;
import org.mingze.org.internal.Member;
import org.mingze.org.internal.Unit;

class MemberListViewTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private List<MemberRow> rows() {
        Grid<MemberRow> grid = _get(Grid.class);
        List<MemberRow> out = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            out.add(GridKt._get(grid, i));
        }
        return out;
    }

    @Test
    void an_organiser_sees_the_members_of_their_branch_and_nobody_elses() {
        Unit mine = data.branch();
        Unit other = data.branch();
        Member colleague = data.member(mine);
        Member stranger = data.member(other);
        login(data.account(mine, Role.ORGANIZER).getUsername());
        UI.getCurrent().navigate("admin/members");

        assertThat(rows()).extracting(MemberRow::employeeNo).contains(colleague.getEmployeeNo())
                .doesNotContain(stranger.getEmployeeNo());
    }

    @Test
    void the_search_box_filters_by_employee_number() {
        Unit unit = data.branch();
        Member target = data.member(unit);
        data.member(unit);
        login("admin");
        UI.getCurrent().navigate("admin/members");
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("按姓名、警号或职务查询")), target.getEmployeeNo());

        assertThat(rows()).extracting(MemberRow::employeeNo).containsExactly(target.getEmployeeNo());
    }

    @Test
    void a_wrong_phone_number_is_explained_on_the_field_in_chinese_and_nothing_is_saved() {
        Unit unit = data.branch();
        login("admin");
        UI.getCurrent().navigate("admin/members");
        _click(_get(Button.class, spec -> spec.withText("新增人员")));
        _setValue(_get(TextField.class, spec -> spec.withLabel("姓名")), "钱学军");
        _setValue(_get(TextField.class, spec -> spec.withLabel("警号")), "Q" + (300000 + org.mingze.TestData.next()));
        _setValue(_get(TextField.class, spec -> spec.withLabel("手机号")), "1391234");
        @SuppressWarnings("unchecked")
        var unitBox = (com.vaadin.flow.component.combobox.ComboBox<org.mingze.org.UnitNode>) _get(
                com.vaadin.flow.component.combobox.ComboBox.class, spec -> spec.withLabel("所在单位"));
        unitBox.setValue(unitBox.getListDataView().getItems().filter(u -> u.id() == unit.getId()).findFirst()
                .orElseThrow());
        _click(_get(Button.class, spec -> spec.withText("保存")));

        TextField phone = _get(TextField.class, spec -> spec.withLabel("手机号"));
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).contains("格式不对").contains("11 位手机号");
        _setValue(_get(TextField.class, spec -> spec.withPlaceholder("按姓名、警号或职务查询")), "钱学军");
        assertThat(rows()).isEmpty();
    }
}
