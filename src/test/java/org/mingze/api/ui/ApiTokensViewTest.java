package org.mingze.api.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.mingze.KaribuTest;
import org.mingze.TestData;
import org.mingze.api.ApiScope;
import org.mingze.api.ApiTokenRow;
import org.mingze.api.ApiTokenService;
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
                .contains(name, "考核台帐", "任免考核批次", branch.getName(), "从未使用");

        view.adaptTo(1280);
        assertThat(visibleColumns()).containsExactly("name", "scopes", "unit", "created", "last-used", "status");
    }
}
