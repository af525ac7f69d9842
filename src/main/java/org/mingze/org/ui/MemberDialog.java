package org.mingze.org.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.org.MemberData;
import org.mingze.org.MemberRow;
import org.mingze.org.MemberService;
import org.mingze.org.UnitNode;

/** Create or edit a member. The server checks everything again; its messages land on the fields. */
class MemberDialog extends Dialog {

    MemberDialog(MemberRow existing, MemberService members, List<UnitNode> units, Runnable onSaved) {
        setHeaderTitle(getTranslation(existing == null ? "member.add" : "member.edit"));
        setWidth("min(40rem, 100vw)");
        TextField name = new TextField(getTranslation("member.name"));
        name.setRequired(true);
        name.setMaxLength(50);
        TextField employeeNo = new TextField(getTranslation("member.employee-no"));
        employeeNo.setRequired(true);
        employeeNo.setHelperText(getTranslation("member.employee-no.help"));
        ComboBox<UnitNode> unit = new ComboBox<>(getTranslation("member.unit"));
        unit.setItems(units);
        unit.setItemLabelGenerator(UnitNode::name);
        unit.setRequired(true);
        TextField post = new TextField(getTranslation("member.post"));
        post.setMaxLength(100);
        TextField phone = new TextField(getTranslation("member.phone"));
        phone.setHelperText(getTranslation("member.phone.help"));
        Checkbox leader = new Checkbox(getTranslation("member.leader"));
        Checkbox party = new Checkbox(getTranslation("member.party-member"), true);
        if (existing != null) {
            name.setValue(existing.name());
            employeeNo.setValue(existing.employeeNo());
            units.stream().filter(u -> u.id() == existing.unitId()).findFirst().ifPresent(unit::setValue);
            post.setValue(existing.post() == null ? "" : existing.post());
            phone.setValue(existing.phone() == null ? "" : existing.phone());
            leader.setValue(existing.leader());
            party.setValue(existing.partyMember());
        }
        Map<String, HasValidation> fields = Map.of("name", name, "employeeNo", employeeNo, "unit", unit, "post", post,
                "phone", phone);
        FormLayout form = new FormLayout(name, employeeNo, unit, post, phone, leader, party);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30rem", 2));
        add(form);
        Button save = new Button(getTranslation("common.save"), e -> {
            fields.values().forEach(f -> f.setInvalid(false));
            MemberData data = new MemberData(name.getValue(), employeeNo.getValue(),
                    unit.getValue() == null ? null : unit.getValue().id(), post.getValue(), leader.getValue(),
                    party.getValue(), phone.getValue());
            try {
                if (existing == null) {
                    members.create(data);
                } else {
                    members.update(existing.id(), data);
                }
                close();
                Notification.show(getTranslation("common.saved"), 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                onSaved.run();
            } catch (ValidationException ex) {
                FormErrors.show(ex, fields, this);
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("common.cancel"), e -> close()), save);
    }
}
