package org.mingze.quiz.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * A labelled group of fields that shows one problem below them, like a single field does (the options of a choice
 * question with their "correct" marks, the answers of a fill-in question's blanks). Gives the group a place for a
 * {@code Problem} that concerns all of it.
 */
class FieldBox extends Div implements HasValidation {

    private final Span label = new Span();
    private final Span helper = new Span();
    private final Div content = new Div();
    private final Span error = new Span();
    private boolean invalid;

    FieldBox(String labelText) {
        addClassName("mingze-fieldbox");
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", labelText);
        label.setText(labelText);
        label.addClassName("mingze-fieldbox-label");
        helper.addClassName("mingze-fieldbox-helper");
        helper.setVisible(false);
        content.addClassName("mingze-fieldbox-content");
        error.addClassName("mingze-fieldbox-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
        add(label, helper, content, error);
    }

    Div content() {
        return content;
    }

    void setHelperText(String text) {
        helper.setText(text == null ? "" : text);
        helper.setVisible(text != null && !text.isEmpty());
    }

    /** Puts a component (an "add" button) below the content, above the problem. */
    void addBelow(Component component) {
        addComponentAtIndex(indexOf(error), component);
    }

    @Override
    public void setErrorMessage(String message) {
        error.setText(message == null ? "" : message);
    }

    @Override
    public String getErrorMessage() {
        return error.getText();
    }

    @Override
    public void setInvalid(boolean value) {
        invalid = value;
        error.setVisible(value);
        getElement().getClassList().set("invalid", value);
    }

    @Override
    public boolean isInvalid() {
        return invalid;
    }
}
