package org.mingze.api.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.TestData;
import org.mingze.api.ApiScope;
import org.mingze.api.ApiTokenRow;
import org.mingze.api.ApiTokenService;
import org.mingze.org.UnitNode;
import org.mingze.org.internal.Unit;
import org.springframework.beans.factory.annotation.Autowired;

class ApiTokensViewTest extends KaribuTest {

    @Autowired
    ApiTokenService tokens;

    @SuppressWarnings("unchecked")
    private Grid<ApiTokenRow> grid() {
        return _get(Grid.class, spec -> spec.withId("api-token-grid"));
    }

    private java.util.List<String> visibleColumns() {
        return grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey).toList();
    }

    @Test
    void on_a_375px_phone_a_token_is_one_card_of_name_endpoints_unit_and_last_use_beside_its_status() {
        Unit branch = data.branch();
        login("admin");
        String name = "干部系统-" + TestData.next();
        tokens.create(name, EnumSet.of(ApiScope.REVIEWS, ApiScope.LEDGER), branch.getId());
        UI.getCurrent().navigate("admin/api-tokens");
        ApiTokensView view = _get(ApiTokensView.class);

        view.adaptTo(375);
        assertThat(visibleColumns()).containsExactly("token", "status");
        int row = grid().getListDataView().getItems().map(ApiTokenRow::name).toList().indexOf(name);
        assertThat(GridKt._getCellComponent(grid(), row, "token").getElement().getTextRecursively())
                .contains(name, "考核台帐", "任免考核批次", branch.getName(), "从未使用", "默认（60 次/分钟）");

        view.adaptTo(1280);
        assertThat(visibleColumns()).containsExactly("name", "scopes", "unit", "created", "last-used", "rate",
                "status");
    }

    @Test
    void an_administrator_creates_a_token_with_its_own_limit_and_changes_it_in_a_dialog() {
        Unit branch = data.branch();
        login("admin");
        UI.getCurrent().navigate("admin/api-tokens");
        String name = "人事系统-" + TestData.next();
        _setValue(_get(TextField.class, spec -> spec.withLabel("名称")), name);
        _get(CheckboxGroup.class, spec -> spec.withLabel("可调用的接口")).setValue(Set.of(ApiScope.LEDGER));
        @SuppressWarnings("unchecked")
        ComboBox<UnitNode> unit = _get(ComboBox.class, spec -> spec.withLabel("可读取的单位范围"));
        unit.setValue(unit.getListDataView().getItems().filter(n -> n.id() == branch.getId()).findFirst()
                .orElseThrow());
        IntegerField rate = _get(IntegerField.class, spec -> spec.withLabel("每分钟请求上限"));
        _setValue(rate, 7000);
        _click(_get(Button.class, spec -> spec.withText("创建令牌")));
        assertThat(rate.isInvalid()).isTrue();
        assertThat(rate.getErrorMessage()).isEqualTo("每分钟请求上限须为 1～6000 之间的整数；留空则使用默认值。");
        assertThat(tokens.tokens()).extracting(ApiTokenRow::name).doesNotContain(name);

        _setValue(rate, 300);
        _click(_get(Button.class, spec -> spec.withText("创建令牌")));
        _get(Dialog.class).close(); // the token shown once
        ApiTokenRow created = tokens.tokens().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        assertThat(created.requestsPerMinute()).isEqualTo(300);
        int row = grid().getListDataView().getItems().map(ApiTokenRow::name).toList().indexOf(name);
        assertThat(GridKt._getFormattedRow(grid(), row)).contains("300 次/分钟");

        Component actions = GridKt._getCellComponent(grid(), row, "status");
        _click(_get(actions, Button.class, spec -> spec.withText("修改限额")));
        IntegerField inDialog = _get(_get(Dialog.class), IntegerField.class, spec -> spec.withLabel("每分钟请求上限"));
        assertThat(inDialog.getValue()).isEqualTo(300);
        _setValue(inDialog, null);
        _click(_get(_get(Dialog.class), Button.class, spec -> spec.withText("保存")));
        assertThat(tokens.tokens()).filteredOn(t -> t.name().equals(name)).singleElement()
                .extracting(ApiTokenRow::requestsPerMinute).as("back to the default").isNull();
    }
}
