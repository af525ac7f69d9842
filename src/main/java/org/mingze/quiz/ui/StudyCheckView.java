package org.mingze.quiz.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.WildcardParameter;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.StudyCheckProvider;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Response;
import org.mingze.quiz.ShownQuestion;
import org.mingze.quiz.StudyCheck;
import org.mingze.quiz.StudyCheckResult;
import org.mingze.quiz.StudyCheckService;

/**
 * 学习检测 of one material: {@code quiz/check/<material id>} (the id may contain "/"). Its 3-5 questions on one page;
 * 交卷 grades them all and shows each question's feedback and whether the check was passed, which marks the
 * material studied. A failed check can be taken again with a fresh draw of questions.
 */
@Route(StudyCheckProvider.ROUTE)
@PermitAll
class StudyCheckView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    static final String ROUTE = StudyCheckProvider.ROUTE + "/";

    private final StudyCheckService checks;
    private final List<QuestionCard> cards = new ArrayList<>();
    private String materialId;
    private StudyCheck check;
    private String title = "";

    StudyCheckView(StudyCheckService checks) {
        this.checks = checks;
        addClassName("mingze-study-check");
    }

    /**
     * The id comes from the location's path, decoded here (as the reader does): Flow 24.9 corrupts non-ASCII
     * characters in wildcard parameter values, and material ids may be Chinese.
     */
    @Override
    public void setParameter(BeforeEvent event, @WildcardParameter String parameter) {
        String path = event.getLocation().getPath();
        materialId = path.startsWith(ROUTE) ? percentDecode(path.substring(ROUTE.length())) : parameter;
        begin();
    }

    private void begin() {
        removeAll();
        cards.clear();
        check = materialId == null || materialId.isBlank() ? null : checks.start(materialId).orElse(null);
        if (check == null) {
            title = getTranslation("quiz.check.heading");
            Paragraph none = new Paragraph(getTranslation("quiz.check.none"));
            none.addClassName("mingze-study-check-none");
            add(new H2(title), none);
            if (materialId != null && !materialId.isBlank()) {
                add(back());
            }
            return;
        }
        title = getTranslation("quiz.check.title", check.materialTitle());
        H2 heading = new H2(title);
        heading.addClassName("mingze-study-check-title");
        Paragraph rules = new Paragraph(getTranslation("quiz.check.rules", check.questions().size(),
                plain(check.max()), plain(check.needed()), StudyCheckResult.PASS_PERCENT));
        rules.addClassName("mingze-practice-rules");
        add(back(), heading, rules);
        if (check.questions().stream().anyMatch(q -> q.type() == QuestionType.MULTIPLE)) {
            Paragraph multiple = new Paragraph(getTranslation("quiz.practice.multiple-rule"));
            multiple.addClassName("mingze-practice-rules");
            add(multiple);
        }
        Div list = new Div();
        list.addClassName("mingze-study-check-questions");
        int n = 0;
        for (ShownQuestion q : check.questions()) {
            QuestionCard card = new QuestionCard(q, ++n);
            cards.add(card);
            list.add(card);
        }
        Button submit = new Button(getTranslation("quiz.check.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("mingze-study-check-submit");
        add(list, submit);
    }

    private Anchor back() {
        Anchor back = new Anchor("library/read/" + materialId.replace(" ", "%20"), getTranslation("quiz.check.back"));
        back.getElement().setAttribute("router-link", true);
        back.addClassName("mingze-study-check-back");
        return back;
    }

    private void submit() {
        long unanswered = cards.stream().filter(c -> c.response().isEmpty()).count();
        if (unanswered > 0) {
            Notification n = Notification.show(getTranslation("quiz.check.unanswered", unanswered), 5000,
                    Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_CONTRAST);
            return;
        }
        Map<String, Response> responses = new LinkedHashMap<>();
        cards.forEach(c -> responses.put(c.question().id(), c.response()));
        StudyCheckResult result;
        try {
            result = checks.submit(check.id(), responses);
        } catch (ValidationException e) {
            Notification n = Notification.show(e.problems().stream().map(p -> getTranslation(p.key(),
                    p.args().toArray())).reduce((a, b) -> a + "\n" + b).orElse(""), 6000, Notification.Position.MIDDLE);
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        for (StudyCheckResult.Item item : result.items()) {
            cards.stream().filter(c -> c.question().id().equals(item.questionId())).findFirst()
                    .ifPresent(c -> c.showFeedback(item.feedback()));
        }
        getChildren().filter(c -> c.hasClassName("mingze-study-check-submit")).toList().forEach(this::remove);
        Div verdict = new Div();
        verdict.addClassNames("mingze-study-check-verdict", result.passed() ? "passed" : "failed");
        verdict.add(new Paragraph(result.passed()
                ? getTranslation("quiz.check.passed", plain(result.points()), plain(result.max()))
                : getTranslation("quiz.check.failed", plain(result.points()), plain(result.max()),
                plain(result.needed()))));
        Div buttons = new Div();
        buttons.addClassName("mingze-practice-buttons");
        if (!result.passed()) {
            Button retry = new Button(getTranslation("quiz.check.retry"), e -> begin());
            retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            retry.addClassName("mingze-study-check-retry");
            buttons.add(retry);
        }
        buttons.add(back());
        verdict.add(buttons);
        add(verdict); // where 交卷 was, under the questions: where the learner is looking
    }

    /** Decodes %XX escapes as UTF-8 and leaves every other character as it is ("+" stays "+"). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && Character.digit(in[i + 1], 16) >= 0
                    && Character.digit(in[i + 2], 16) >= 0) {
                out.write(Character.digit(in[i + 1], 16) * 16 + Character.digit(in[i + 2], 16));
                i += 2;
            } else {
                out.write(in[i]);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String plain(java.math.BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    List<QuestionCard> cards() {
        return cards;
    }

    String materialId() {
        return materialId;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
