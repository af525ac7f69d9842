package org.mingze.api.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.mingze.api.ApiScope;
import org.mingze.api.ApiTokenRow;
import org.mingze.api.ApiTokenService;
import org.mingze.api.NewApiToken;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.ui.NarrowScreen;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.OrgService;
import org.mingze.org.UnitNode;

/**
 * 接口令牌: the administrator creates a token for the cadre management system (shown once, copyable), sees who
 * made which token and when it was last used, and revokes it (decision 0016). Administrators only.
 */
@Route("admin/api-tokens")
@RolesAllowed(Roles.ADMIN)
@Menu(title = "menu.api-tokens", order = 92, icon = "vaadin:key")
class ApiTokensView extends VerticalLayout implements HasDynamicTitle {

    private final ApiTokenService tokens;
    private final Grid<ApiTokenRow> grid = new Grid<>();
    /** The columns a phone leaves out (they are folded into {@link #summary}). */
    private final List<Grid.Column<ApiTokenRow>> wide = new ArrayList<>();
    private final Grid.Column<ApiTokenRow> summary;

    ApiTokensView(ApiTokenService tokens, OrgService org) {
        this.tokens = tokens;
        addClassName("mingze-api-tokens");
        Locale locale = UI.getCurrent().getLocale();
        add(new H2(getTranslation("menu.api-tokens")), new Paragraph(getTranslation("api.intro")));

        TextField name = new TextField(getTranslation("api.field.name"));
        name.setPlaceholder(getTranslation("api.field.name.placeholder"));
        name.setMaxLength(100);
        CheckboxGroup<ApiScope> scopes = new CheckboxGroup<>(getTranslation("api.field.scopes"));
        scopes.setItems(ApiScope.values());
        scopes.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        ComboBox<UnitNode> unit = new ComboBox<>(getTranslation("api.field.unit"));
        unit.setItems(org.visibleUnits());
        unit.setItemLabelGenerator(UnitNode::name);
        unit.setHelperText(getTranslation("api.field.unit.help"));
        IntegerField rate = limitField();
        Button create = new Button(getTranslation("api.create"), VaadinIcon.PLUS.create(), e -> {
            if (rate.isInvalid()) { // out of range or not a whole number: the field says so (the server re-checks)
                return;
            }
            try {
                NewApiToken t = tokens.create(name.getValue(), scopes.getValue().isEmpty()
                        ? EnumSet.noneOf(ApiScope.class) : EnumSet.copyOf(scopes.getValue()),
                        unit.getValue() == null ? null : unit.getValue().id(), rate.getValue());
                name.clear();
                scopes.clear();
                unit.clear();
                rate.clear();
                refresh();
                showOnce(t);
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("name", name, "scopes", scopes, "unit", unit, "rate", rate), this);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, scopes, unit, rate, create);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        add(form);

        wide.add(grid.addColumn(ApiTokenRow::name).setKey("name").setHeader(getTranslation("api.field.name"))
                .setFlexGrow(2));
        wide.add(grid.addColumn(this::scopes).setKey("scopes").setHeader(getTranslation("api.field.scopes"))
                .setFlexGrow(2));
        wide.add(grid.addColumn(ApiTokenRow::unitName).setKey("unit").setHeader(getTranslation("api.field.unit")));
        wide.add(grid.addColumn(t -> t.createdBy() + " · " + Formats.dateTime(t.createdAt(), locale))
                .setKey("created").setHeader(getTranslation("api.created")).setFlexGrow(2));
        wide.add(grid.addColumn(t -> lastUsed(t, locale)).setKey("last-used")
                .setHeader(getTranslation("api.last-used")));
        wide.add(grid.addColumn(this::limit).setKey("rate").setHeader(getTranslation("api.field.rate")));
        // on a phone the five columns above fold into this one, a card of three lines
        summary = grid.addComponentColumn(t -> card(t, locale)).setKey("token").setHeader(getTranslation("api.token"))
                .setFlexGrow(1);
        summary.setVisible(false);
        grid.addComponentColumn(t -> {
            if (!t.active()) {
                Span badge = new Span(getTranslation("api.revoked"));
                badge.getElement().getThemeList().add("badge error small");
                Div when = new Div(Formats.dateTime(t.revokedAt(), locale));
                when.addClassName("mingze-api-token-revoked-at");
                return new Div(badge, when);
            }
            Button revoke = new Button(getTranslation("api.revoke"), e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            Button limit = new Button(getTranslation("api.change-rate"), e -> changeLimit(t));
            limit.addThemeVariants(ButtonVariant.LUMO_SMALL);
            limit.addClassName("mingze-api-token-rate");
            Div actions = new Div(limit, revoke);
            actions.addClassName("mingze-api-token-actions");
            return actions;
        }).setKey("status").setHeader(getTranslation("common.status")).setWidth("8rem").setFlexGrow(0);
        grid.setId("api-token-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT); // long names and units wrap, not cut off
        NarrowScreen.follow(this, this::adaptTo);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    /** On a phone: the token card and its status only, so the grid fits without scrolling sideways. */
    void adaptTo(int width) {
        boolean narrow = NarrowScreen.narrow(width);
        wide.forEach(c -> c.setVisible(!narrow));
        summary.setVisible(narrow);
    }

    private String scopes(ApiTokenRow t) {
        return t.scopes().stream().sorted().map(s -> getTranslation(s.labelKey())).collect(Collectors.joining("、"));
    }

    private String lastUsed(ApiTokenRow t, Locale locale) {
        return t.lastUsedAt() == null ? getTranslation("api.never") : Formats.dateTime(t.lastUsedAt(), locale);
    }

    /** The token's own limit, or the default. */
    private String limit(ApiTokenRow t) {
        return t.requestsPerMinute() == null
                ? getTranslation("api.rate.default", tokens.defaultRequestsPerMinute())
                : getTranslation("api.rate.own", t.requestsPerMinute());
    }

    /** The optional limit of requests per minute; empty for the default. */
    private IntegerField limitField() {
        IntegerField rate = new IntegerField(getTranslation("api.field.rate"));
        rate.setMin(1);
        rate.setMax(ApiTokenService.MAX_REQUESTS_PER_MINUTE);
        rate.setPlaceholder(String.valueOf(tokens.defaultRequestsPerMinute()));
        rate.setHelperText(getTranslation("api.field.rate.help", tokens.defaultRequestsPerMinute(),
                ApiTokenService.MAX_REQUESTS_PER_MINUTE));
        rate.addClassName("mingze-api-token-rate-field");
        String wrong = getTranslation("api.error.rate", ApiTokenService.MAX_REQUESTS_PER_MINUTE);
        rate.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(wrong).setMinErrorMessage(wrong)
                .setMaxErrorMessage(wrong));
        return rate;
    }

    /** A dialog to give a token its own limit, or the default again. */
    private void changeLimit(ApiTokenRow t) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("api.change-rate-title", t.name()));
        IntegerField rate = limitField();
        rate.setValue(t.requestsPerMinute());
        rate.setWidthFull();
        d.add(rate);
        Button save = new Button(getTranslation("common.save"), e -> {
            if (rate.isInvalid()) {
                return;
            }
            try {
                ApiTokenRow changed = tokens.changeLimit(t.id(), rate.getValue());
                d.close();
                refresh();
                Notification.show(getTranslation("api.rate-changed", changed.name(), limit(changed)))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("rate", rate), d);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("api.cancel"), e -> d.close());
        d.getFooter().add(cancel, save);
        d.setWidth("min(28rem, 95vw)");
        d.open();
    }

    /** Name; endpoints · unit; last used and limit: what a phone shows of a token. */
    private Div card(ApiTokenRow t, Locale locale) {
        Div name = new Div(t.name());
        name.addClassName("mingze-api-token-name");
        Div card = new Div(name, new Div(scopes(t) + " · " + t.unitName()),
                new Div(getTranslation("api.last-used") + "：" + lastUsed(t, locale)),
                new Div(getTranslation("api.field.rate") + "：" + limit(t)));
        card.addClassName("mingze-api-token-card");
        return card;
    }

    private void refresh() {
        grid.setItems(tokens.tokens());
    }

    /** The token, this once: a read-only field and a copy button. */
    private void showOnce(NewApiToken t) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation("api.created-title", t.row().name()));
        TextField value = new TextField();
        value.setValue(t.token());
        value.setReadOnly(true);
        value.setWidthFull();
        value.addClassName("mingze-api-token-value");
        Button copy = new Button(getTranslation("api.copy"), VaadinIcon.COPY.create(), e -> {
            UI.getCurrent().getPage().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)",
                    t.token());
            Notification.show(getTranslation("api.copied")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        d.add(new Paragraph(getTranslation("api.shown-once")), value);
        Button close = new Button(getTranslation("api.close"), e -> d.close());
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(copy, close);
        d.setWidth("min(40rem, 95vw)");
        d.open();
    }

    private void confirmRevoke(ApiTokenRow t) {
        ConfirmDialog c = new ConfirmDialog();
        c.setHeader(getTranslation("api.revoke-title", t.name()));
        c.setText(getTranslation("api.revoke-text"));
        c.setCancelable(true);
        c.setCancelText(getTranslation("api.cancel"));
        c.setConfirmText(getTranslation("api.revoke"));
        c.setConfirmButtonTheme("error primary");
        c.addConfirmListener(e -> {
            tokens.revoke(t.id());
            refresh();
        });
        c.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.api-tokens");
    }
}
