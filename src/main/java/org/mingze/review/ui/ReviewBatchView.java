package org.mingze.review.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import jakarta.annotation.security.RolesAllowed;
import java.util.Locale;
import java.util.Map;
import org.mingze.base.i18n.Formats;
import org.mingze.base.security.CurrentUser;
import org.mingze.base.security.Role;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.ValidationException;
import org.mingze.review.BatchRow;
import org.mingze.review.CandidateRow;
import org.mingze.review.CandidateState;
import org.mingze.review.ReviewService;
import org.springframework.security.access.AccessDeniedException;

/** One batch: each candidate's state, scores and dates, and the organiser's actions (exception with a reason). */
@Route("review/batch")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN, Roles.AUDITOR})
class ReviewBatchView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final ReviewService reviews;
    private long batchId;
    private String title = "";
    private final Grid<CandidateRow> grid = new Grid<>();

    ReviewBatchView(ReviewService reviews) {
        this.reviews = reviews;
        addClassName("mingze-review-batch");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        BatchRow b;
        try {
            b = reviews.batch(id);
        } catch (ValidationException | AccessDeniedException e) {
            add(new Paragraph(getTranslation("review.error.missing")));
            return;
        }
        batchId = id;
        title = b.name();
        Locale locale = UI.getCurrent().getLocale();
        add(new H2(b.name()));
        add(new Paragraph(getTranslation("review.batch.summary", getTranslation(b.type().labelKey()), b.unitName(),
                Formats.date(b.deadline(), locale), b.passPercent(), b.resitDelayDays(), b.resitWindowDays())));
        add(new Paragraph(getTranslation("review.batch.counts", b.candidates()) + " "
                + java.util.Arrays.stream(CandidateState.values()).filter(s -> b.byState().getOrDefault(s, 0) > 0)
                .map(s -> getTranslation(s.labelKey()) + " " + b.byState().get(s))
                .collect(java.util.stream.Collectors.joining(" · "))));
        String file = getTranslation("review.export.file", b.name()) + ".xlsx";
        Anchor export = new Anchor(DownloadHandler.fromInputStream(e -> {
            try {
                byte[] bytes = reviews.exportXlsx(id, locale);
                return new DownloadResponse(new ByteArrayInputStream(bytes), file,
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bytes.length);
            } catch (ValidationException | AccessDeniedException ex) {
                return DownloadResponse.error(404);
            }
        }), "");
        Button exportButton = new Button(getTranslation("review.batch.export"), VaadinIcon.DOWNLOAD.create());
        exportButton.setTabIndex(-1);
        export.add(exportButton);
        export.addClassName("mingze-review-export");
        add(export);
        boolean manage = CurrentUser.has(Role.ORGANIZER) || CurrentUser.has(Role.ADMIN);
        grid.removeAllColumns();
        grid.addColumn(CandidateRow::name).setHeader(getTranslation("review.sheet.name"));
        grid.addColumn(CandidateRow::proposedPost).setHeader(getTranslation("review.sheet.proposed"));
        grid.addComponentColumn(c -> {
            Span s = new Span(getTranslation(c.state().labelKey()));
            s.getElement().getThemeList().add("badge small" + switch (c.state()) {
                case PASSED -> " success";
                case FAILED, ABSENT -> " error";
                default -> "";
            });
            return s;
        }).setHeader(getTranslation("review.sheet.outcome"));
        grid.addColumn(c -> score(c)).setHeader(getTranslation("review.sheet.score"));
        grid.addColumn(c -> c.state() == CandidateState.DEFERRED ? getTranslation("review.batch.resit",
                Formats.date(c.resitOpens(), locale), Formats.date(c.resitCloses(), locale),
                getTranslation(c.makeupDone() ? "review.batch.makeup-done" : "review.batch.makeup-open"))
                : Formats.date(c.deadline(), locale)).setHeader(getTranslation("review.batch.dates")).setFlexGrow(2);
        grid.addComponentColumn(c -> actions(c, manage)).setHeader("").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        add(grid);
        refresh();
    }

    private String score(CandidateRow c) {
        if (c.firstScore() == null) {
            return "—";
        }
        String s = c.firstScore().stripTrailingZeros().toPlainString() + "/" + c.firstMax().stripTrailingZeros()
                .toPlainString();
        return c.resitScore() == null ? s : s + "，" + getTranslation("review.sheet.resit") + " "
                + c.resitScore().stripTrailingZeros().toPlainString();
    }

    private void refresh() {
        grid.setItems(reviews.candidates(batchId));
    }

    private HorizontalLayout actions(CandidateRow c, boolean manage) {
        HorizontalLayout h = new HorizontalLayout();
        h.add(new RouterLink(getTranslation("review.batch.sheet"), ReviewSheetView.class, c.id()));
        if (!manage) {
            return h;
        }
        if (c.state() == CandidateState.DEFERRED && !c.resitGranted()) {
            Button open = new Button(getTranslation("review.batch.open-resit"), e -> run(() -> reviews.openResit(c.id())));
            open.addThemeVariants(ButtonVariant.LUMO_SMALL);
            h.add(open);
        }
        if (c.state() == CandidateState.PENDING || c.state() == CandidateState.ABSENT) {
            Button extend = new Button(getTranslation("review.batch.extend"), e -> exception(c, true));
            extend.addThemeVariants(ButtonVariant.LUMO_SMALL);
            h.add(extend);
        }
        if (c.state() == CandidateState.PENDING || c.state() == CandidateState.DEFERRED
                || c.state() == CandidateState.ABSENT) {
            Button exempt = new Button(getTranslation("review.batch.exempt"), e -> exception(c, false));
            exempt.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            h.add(exempt);
        }
        return h;
    }

    private void run(Runnable r) {
        try {
            r.run();
            refresh();
        } catch (ValidationException ex) {
            FormErrors.show(ex, Map.of(), this);
        }
    }

    private void exception(CandidateRow c, boolean extend) {
        Dialog d = new Dialog();
        d.setHeaderTitle(getTranslation(extend ? "review.batch.extend" : "review.batch.exempt") + "：" + c.name());
        DatePicker date = new DatePicker(getTranslation("review.field.deadline"));
        date.setValue(c.deadline().plusDays(7));
        TextArea reason = new TextArea(getTranslation("review.sheet.reason"));
        reason.setWidthFull();
        reason.setRequired(true);
        VerticalLayout body = new VerticalLayout();
        if (extend) {
            body.add(date);
        }
        body.add(reason);
        d.add(body);
        Button ok = new Button(getTranslation("review.batch.confirm"), e -> {
            try {
                if (extend) {
                    reviews.extend(c.id(), date.getValue(), reason.getValue());
                } else {
                    reviews.exempt(c.id(), reason.getValue());
                }
                d.close();
                refresh();
                Notification.show(getTranslation("review.batch.saved")).addThemeVariants(
                        NotificationVariant.LUMO_SUCCESS);
            } catch (ValidationException ex) {
                FormErrors.show(ex, Map.of("reason", reason, "deadline", date), this);
            }
        });
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button(getTranslation("review.batch.cancel"), e -> d.close()), ok);
        d.open();
    }

    @Override
    public String getPageTitle() {
        return title.isEmpty() ? getTranslation("review.list.title") : title;
    }
}
