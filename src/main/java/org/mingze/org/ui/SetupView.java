package org.mingze.org.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.mingze.base.validation.ValidationException;
import org.mingze.base.ui.FormErrors;
import org.mingze.org.AccountService;

/** The one-time set-up page: creates the first administrator, then closes for good. */
@Route(value = "setup", autoLayout = false)
@AnonymousAllowed
class SetupView extends VerticalLayout implements BeforeEnterObserver {

    private final AccountService accounts;

    SetupView(AccountService accounts) {
        this.accounts = accounts;
        setMaxWidth("32rem");
        getStyle().set("margin", "0 auto");
        TextField username = new TextField(getTranslation("setup.username"));
        username.setHelperText(getTranslation("setup.username.help"));
        TextField name = new TextField(getTranslation("setup.display-name"));
        PasswordField password = new PasswordField(getTranslation("password.new"));
        password.setHelperText(getTranslation("password.rules"));
        PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("username", username, "next", password,
                "repeat", repeat);
        Button create = new Button(getTranslation("setup.create"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                accounts.createFirstAdmin(username.getValue(), name.getValue(), password.getValue(), repeat.getValue());
                UI.getCurrent().getPage().setLocation("login");
            } catch (ValidationException ex) {
                FormErrors.show(ex, fields, this);
            }
        });
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("setup.title")), new Paragraph(getTranslation("setup.text")),
                new FormLayout(username, name, password, repeat), create);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!accounts.setupNeeded()) {
            event.forwardTo("login");
        }
    }
}
