package org.mingze.quiz.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mingze.base.time.BureauZone;
import org.mingze.base.validation.ValidationException;
import org.mingze.quiz.Response;
import org.mingze.quiz.exam.AttemptClosedException;
import org.mingze.quiz.exam.AttemptService;
import org.mingze.quiz.exam.AttemptTakenOverException;
import org.mingze.quiz.exam.AttemptView;
import org.mingze.quiz.exam.Navigation;
import org.mingze.quiz.exam.SaveAck;
import org.mingze.quiz.exam.TabLeaveResult;
import org.springframework.security.access.AccessDeniedException;

/**
 * Taking a test. Opening this page starts the attempt or resumes the one in progress (and takes it over from any
 * other tab or device). Every answer is sent to the server when it is given; 已保存 appears only when the server says
 * it is stored. The countdown counts to the server's deadline using the server's clock; at zero the page asks the
 * server, which closes the attempt. Leaving the tab is reported to the server, which applies the tab-leave policy.
 * One question per page or all on one page, as the learner prefers (kept for the session); a navigator shows
 * answered, unanswered and flagged questions. Nothing here holds an answer key, an explanation or a score.
 */
@Route("exams/take")
@PermitAll
class ExamTakeView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    static final String ALL_ON_ONE_PAGE = "mingze.exam.all-on-one-page";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final AttemptService attempts;
    private AttemptView view;
    // A card is built only while it is shown (one question per page: one card; all on one page: all of them), so
    // that an open exam page holds one question's components, not fifty. What the learner gave and what the
    // 已保存 mark says live in these arrays, so a card rebuilt later shows the same.
    private QuestionCard[] cards = new QuestionCard[0];
    private Span[] saved = new Span[0];
    private Checkbox[] flags = new Checkbox[0];
    private Response[] responses = new Response[0];
    private String[] markText = new String[0];
    private boolean[] markFailed = new boolean[0];
    private boolean[] markRetry = new boolean[0];
    private boolean[] answered = new boolean[0];
    private boolean[] flagged = new boolean[0];
    private final Div navigator = new Div();
    // the navigator's buttons: one element whose HTML the server sets (fifty elements cost most of the page)
    private final com.vaadin.flow.dom.Element navButtons = new com.vaadin.flow.dom.Element("div");
    private final Span progress = new Span();
    private final Div questions = new Div();
    private final Span countdown = new Span();
    private final Paragraph banner = new Paragraph();
    private final Checkbox onePage = new Checkbox();
    private int current;
    private int furthest;
    private boolean locked;

    ExamTakeView(AttemptService attempts) {
        this.attempts = attempts;
        addClassName("mingze-exam-take");
        // The navigator's buttons are plain <button> elements with one listener on the navigator (fifty Vaadin
        // buttons cost most of an open exam page's memory); the server re-checks that a position may be opened.
        navigator.getElement().addEventListener("click", e -> {
            elemental.json.JsonObject data = e.getEventData();
            String key = "event.target.dataset.p";
            if (data.hasKey(key) && data.get(key).getType() == elemental.json.JsonType.STRING) {
                try {
                    navigate(Integer.parseInt(data.getString(key)));
                } catch (NumberFormatException ignored) {
                    // not a navigator button
                }
            }
        }).addEventData("event.target.dataset.p");
    }

    /** A navigator button was pressed: opens (or scrolls to) that question if it may be opened now. */
    void navigate(int position) {
        if (view == null || locked || position < 0 || position >= cards.length || !reachable(position)) {
            return;
        }
        if (onePage.getValue() && view.navigation() == Navigation.FREE) {
            card(position).scrollIntoView();
        } else {
            go(position);
        }
    }

    private boolean reachable(int i) {
        return view.navigation() == Navigation.FREE || i >= current && i <= furthest + 1;
    }

    @Override
    public void setParameter(BeforeEvent event, Long examId) {
        removeAll();
        current = 0;
        furthest = 0;
        locked = false;
        try {
            view = attempts.startOrResume(examId);
        } catch (AccessDeniedException | ValidationException e) {
            String why = e instanceof ValidationException v && !v.problems().isEmpty()
                    ? getTranslation(v.problems().get(0).key(), v.problems().get(0).args().toArray())
                    : getTranslation("exam.ui.missing");
            add(new H2(why), new RouterLink(getTranslation("exam.ui.back"), MyExamsView.class));
            return;
        }
        build();
    }

    private void build() {
        answered = new boolean[view.items().size()];
        flagged = new boolean[view.items().size()];
        H2 title = new H2(view.title());
        title.addClassName("mingze-exam-take-title");
        countdown.addClassName("mingze-exam-countdown");
        banner.addClassName("mingze-exam-banner");
        banner.setVisible(false);
        Span left = new Span(getTranslation("exam.ui.time-left"));
        left.addClassName("mingze-small");
        Div bar = new Div(left, countdown);
        bar.addClassName("mingze-exam-bar");
        onePage.setLabel(getTranslation("exam.ui.all-on-one-page"));
        onePage.setValue(Boolean.TRUE.equals(VaadinSession.getCurrent().getAttribute(ALL_ON_ONE_PAGE)));
        onePage.setVisible(view.navigation() == Navigation.FREE);
        onePage.addClassName("mingze-exam-one-page");
        onePage.addValueChangeListener(e -> {
            VaadinSession.getCurrent().setAttribute(ALL_ON_ONE_PAGE, e.getValue());
            showQuestions();
        });
        bar.add(onePage);
        navigator.addClassName("mingze-exam-navigator");
        navigator.removeAll();
        navigator.getElement().removeAllChildren();
        navButtons.setAttribute("class", "mingze-exam-nav-buttons");
        progress.addClassName("mingze-exam-progress");
        navigator.getElement().appendChild(navButtons);
        navigator.add(progress);
        questions.addClassName("mingze-exam-questions");
        int n = view.items().size();
        cards = new QuestionCard[n];
        saved = new Span[n];
        flags = new Checkbox[n];
        responses = new Response[n];
        markText = new String[n];
        markFailed = new boolean[n];
        markRetry = new boolean[n];
        for (AttemptView.Item item : view.items()) {
            int p = item.position();
            responses[p] = item.response();
            answered[p] = item.answered();
            flagged[p] = item.flagged();
            markText[p] = item.savedAt() == null ? "" : getTranslation("exam.ui.saved", "");
        }
        for (int i = 0; i < n; i++) {
            if (answered[i]) {
                furthest = i;
            }
        }
        current = view.navigation() == Navigation.SEQUENTIAL ? furthest : 0;
        Button submit = new Button(getTranslation("exam.ui.submit"), e -> confirmSubmit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClassName("mingze-exam-submit");
        add(title, bar, banner, navigator, questions, submit);
        showQuestions();
    }

    /** The card of a position, built on first use from what the learner gave so far. */
    private QuestionCard card(int p) {
        if (cards[p] == null) {
            AttemptView.Item item = view.items().get(p);
            QuestionCard card = new QuestionCard(item.question(), p + 1);
            card.setResponse(responses[p]);
            Span mark = new Span();
            mark.addClassName("mingze-exam-saved");
            Checkbox flag = new Checkbox(getTranslation("exam.ui.flag"), flagged[p]);
            flag.addClassName("mingze-exam-flag");
            flag.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    flag(p, e.getValue());
                }
            });
            card.addAnswerListener(() -> save(p));
            Div foot = new Div(flag, mark);
            foot.addClassName("mingze-exam-question-foot");
            card.add(foot);
            if (locked) {
                card.setReadOnly(true);
                flag.setReadOnly(true);
            }
            cards[p] = card;
            saved[p] = mark;
            flags[p] = flag;
            renderMark(p);
        }
        return cards[p];
    }

    /** Lets go of the cards not shown, keeping what their learner gave. */
    private void releaseAllBut(int keep) {
        for (int p = 0; p < cards.length; p++) {
            if (p != keep && cards[p] != null) {
                responses[p] = cards[p].response();
                cards[p] = null;
                saved[p] = null;
                flags[p] = null;
            }
        }
    }

    private void renderMark(int p) {
        Span mark = saved[p];
        if (mark == null) {
            return;
        }
        mark.removeAll();
        mark.setText(markText[p]);
        mark.setClassName("failed", markFailed[p]);
        if (markRetry[p]) {
            Button retry = new Button(getTranslation("exam.ui.retry"), ev -> save(p));
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            mark.add(retry);
        }
    }

    private void setMark(int p, String text, boolean failed, boolean retry) {
        markText[p] = text;
        markFailed[p] = failed;
        markRetry[p] = retry;
        renderMark(p);
    }

    private void showQuestions() {
        questions.removeAll();
        boolean all = onePage.getValue() && view.navigation() == Navigation.FREE;
        if (all) {
            for (int p = 0; p < cards.length; p++) {
                questions.add(card(p));
            }
        } else {
            releaseAllBut(current);
            questions.add(card(current));
            Div pager = new Div();
            pager.addClassName("mingze-exam-pager");
            if (view.navigation() == Navigation.FREE && current > 0) {
                Button prev = new Button(getTranslation("exam.ui.prev"), e -> go(current - 1));
                prev.addClassName("mingze-exam-prev");
                pager.add(prev);
            }
            if (current < cards.length - 1) {
                Button next = new Button(getTranslation("exam.ui.next"), e -> go(current + 1));
                next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                next.addClassName("mingze-exam-next");
                pager.add(next);
            }
            questions.add(pager);
        }
        renderNavigator();
    }

    private void go(int position) {
        if (view.navigation() == Navigation.SEQUENTIAL && position < current) {
            return; // no going back
        }
        current = position;
        furthest = Math.max(furthest, position);
        showQuestions();
    }

    /**
     * Draws the whole navigator: its buttons as one element's HTML (one node on the server for fifty buttons), and
     * the progress line. Used when several buttons change at once (opening the page, another question, locking);
     * a save or a flag changes one button only ({@link #renderNavButton}).
     */
    private void renderNavigator() {
        StringBuilder html = new StringBuilder(cards.length * 120);
        for (int i = 0; i < cards.length; i++) {
            html.append("<button type=\"button\" data-p=\"").append(i).append("\" class=\"").append(navClass(i))
                    .append("\" aria-label=\"").append(escape(navLabel(i))).append('"')
                    .append(reachable(i) && !locked ? "" : " disabled").append('>').append(i + 1).append("</button>");
        }
        navButtons.setProperty("innerHTML", html.toString());
        renderProgress();
    }

    /** Updates one navigator button in the browser (answered, flagged) and the progress line; nothing is rebuilt. */
    private void renderNavButton(int i) {
        navButtons.executeJs("const b = this.querySelector('[data-p=\"' + $0 + '\"]');"
                + "if (b) { b.className = $1; b.setAttribute('aria-label', $2); b.disabled = $3; }",
                i, navClass(i), navLabel(i), !reachable(i) || locked);
        renderProgress();
    }

    private String navClass(int i) {
        boolean all = onePage.getValue() && view.navigation() == Navigation.FREE;
        return "mingze-exam-nav " + (answered[i] ? "answered" : "unanswered") + (flagged[i] ? " flagged" : "")
                + (i == current && !all ? " current" : "");
    }

    private String navLabel(int i) {
        return getTranslation("exam.ui.nav-label", i + 1,
                getTranslation(answered[i] ? "exam.ui.answered" : "exam.ui.unanswered"))
                + (flagged[i] ? getTranslation("exam.ui.flagged") : "");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void renderProgress() {
        progress.setText(getTranslation("exam.ui.progress", countAnswered(), cards.length));
    }

    /** The navigator's buttons as the page holds them (for tests): the HTML of its button element. */
    String navigatorHtml() {
        return navButtons.getProperty("innerHTML", "");
    }

    private long countAnswered() {
        long n = 0;
        for (int i = 0; i < cards.length; i++) {
            if (answered[i]) {
                n++;
            }
        }
        return n;
    }

    private void save(int position) {
        if (locked) {
            return;
        }
        Response r = cards[position] != null ? cards[position].response() : responses[position];
        responses[position] = r;
        setMark(position, getTranslation("exam.ui.saving"), false, false);
        try {
            SaveAck ack = attempts.save(view.attemptId(), view.holderToken(), position, r);
            answered[position] = !r.isEmpty();
            setMark(position, getTranslation("exam.ui.saved",
                    LocalTime.ofInstant(ack.savedAt(), BureauZone.get()).format(TIME)), false, false);
            if (position > furthest) {
                furthest = position;
                renderNavigator(); // in a sequential test the next button becomes reachable too
            } else {
                renderNavButton(position);
            }
        } catch (AttemptTakenOverException e) {
            lock(getTranslation("exam.taken-over"));
        } catch (AttemptClosedException e) {
            closedNow();
        } catch (ValidationException e) {
            setMark(position, getTranslation(e.problems().get(0).key(), e.problems().get(0).args().toArray()),
                    true, false);
        } catch (RuntimeException e) {
            setMark(position, getTranslation("exam.ui.save-failed"), true, true);
        }
    }

    private void flag(int position, boolean value) {
        try {
            attempts.flag(view.attemptId(), view.holderToken(), position, value);
            flagged[position] = value;
            renderNavButton(position);
        } catch (AttemptTakenOverException e) {
            lock(getTranslation("exam.taken-over"));
        } catch (AttemptClosedException e) {
            closedNow();
        }
    }

    private void confirmSubmit() {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < cards.length; i++) {
            if (!answered[i]) {
                missing.add(String.valueOf(i + 1));
            }
        }
        String text = missing.isEmpty() ? getTranslation("exam.ui.submit-all-answered")
                : getTranslation("exam.ui.submit-missing", missing.size(), String.join("、", missing));
        ConfirmDialog d = new ConfirmDialog(getTranslation("exam.ui.submit"), text, getTranslation("exam.ui.submit"),
                e -> submit());
        d.setCancelable(true);
        d.setCancelText(getTranslation("exam.ui.continue"));
        d.addClassName("mingze-exam-submit-dialog");
        d.open();
    }

    void submit() {
        try {
            var r = attempts.submit(view.attemptId(), view.holderToken());
            locked = true;
            UI.getCurrent().navigate(ExamResultView.class, r.attemptId());
        } catch (AttemptTakenOverException e) {
            lock(getTranslation("exam.taken-over"));
        }
    }

    /**
     * Called by the page's timer at zero: the server decides. Past the deadline the attempt is closed and graded;
     * if the deadline moved later (more time granted meanwhile), the countdown restarts from the new one.
     */
    @ClientCallable
    void timeUp() {
        if (locked) {
            return;
        }
        Optional<Instant> later = attempts.timeUp(view.attemptId());
        if (later.isPresent()) {
            startCountdown(Duration.between(Instant.now(), later.get()).toMillis());
            return;
        }
        locked = true;
        Notification.show(getTranslation("exam.ui.time-up"), 5000, Notification.Position.MIDDLE);
        UI.getCurrent().navigate(ExamResultView.class, view.attemptId());
    }

    /** Called by the page when the learner leaves the tab (visibilitychange to hidden). */
    @ClientCallable
    void tabLeft() {
        if (locked) {
            return;
        }
        try {
            TabLeaveResult r = attempts.tabLeft(view.attemptId(), view.holderToken());
            switch (r.outcome()) {
                case WARNED -> {
                    Notification n = Notification.show(getTranslation("exam.ui.tab-warned", r.leaves(),
                            r.limit() > 0 ? r.limit() : "-"), 8000, Notification.Position.MIDDLE);
                    n.addThemeVariants(NotificationVariant.LUMO_WARNING);
                }
                case CLOSED -> {
                    locked = true;
                    UI.getCurrent().navigate(ExamResultView.class, view.attemptId());
                }
                default -> {
                    // counted only
                }
            }
        } catch (AttemptTakenOverException e) {
            lock(getTranslation("exam.taken-over"));
        } catch (AttemptClosedException e) {
            closedNow();
        }
    }

    private void closedNow() {
        locked = true;
        UI.getCurrent().navigate(ExamResultView.class, view.attemptId());
    }

    private void lock(String message) {
        locked = true;
        banner.setText(message);
        banner.setVisible(true);
        for (int p = 0; p < cards.length; p++) {
            if (cards[p] != null) {
                cards[p].setReadOnly(true);
                flags[p].setReadOnly(true);
            }
        }
        renderNavigator();
    }

    /** How many question cards this page holds now (for tests: one in one-question-per-page mode). */
    int builtCards() {
        int n = 0;
        for (QuestionCard c : cards) {
            if (c != null) {
                n++;
            }
        }
        return n;
    }

    boolean locked() {
        return locked;
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (view == null) {
            return;
        }
        startCountdown(Duration.between(view.serverTime(), view.deadline()).toMillis());
    }

    /** The countdown is only a display: the server enforces the deadline. */
    private void startCountdown(long remaining) {
        getElement().executeJs("""
                const el = this, label = $0, end = Date.now() + $1;
                const fmt = (ms) => { const s = Math.max(0, Math.floor(ms / 1000));
                  const h = Math.floor(s / 3600), m = Math.floor(s % 3600 / 60), r = s % 60;
                  return (h > 0 ? h + ':' : '') + String(m).padStart(2, '0') + ':' + String(r).padStart(2, '0'); };
                const tick = () => { const left = end - Date.now();
                  label.textContent = fmt(left);
                  label.classList.toggle('urgent', left < 300000);
                  if (left <= 0) { clearInterval(el._mzTimer); el.$server.timeUp(); } };
                clearInterval(el._mzTimer); el._mzTimer = setInterval(tick, 1000); tick();
                if (el._mzHidden) document.removeEventListener('visibilitychange', el._mzHidden);
                el._mzHidden = () => { if (document.visibilityState === 'hidden') el.$server.tabLeft(); };
                document.addEventListener('visibilitychange', el._mzHidden);
                """, countdown.getElement(), (double) remaining);
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        getElement().executeJs("clearInterval(this._mzTimer);"
                + "if (this._mzHidden) document.removeEventListener('visibilitychange', this._mzHidden);");
    }

    @Override
    public String getPageTitle() {
        return view == null ? getTranslation("exam.ui.mine.title") : view.title();
    }
}
