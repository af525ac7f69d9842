package org.mingze.library.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.InputStream;
import org.mingze.base.ui.UploadTexts;
import org.mingze.base.security.Roles;
import org.mingze.base.ui.FormErrors;
import org.mingze.base.validation.Problem;
import org.mingze.base.validation.ValidationException;
import org.mingze.library.LibraryService;
import org.mingze.library.UploadDraft;

/**
 * 上传学习资料: upload a .docx, .pdf, .txt or .md file; its text is extracted (nothing stored yet); the organiser
 * completes the fields and publishes, which writes content/materials/uploads/&lt;slug&gt;.md and opens the reader.
 */
@Route("library/upload")
@RolesAllowed({Roles.ORGANIZER, Roles.ADMIN})
class UploadView extends VerticalLayout implements HasDynamicTitle {

    static final int MAX_BYTES = 20 * 1024 * 1024;

    private final LibraryService library;
    private final Upload upload = new Upload();
    private final Div step2 = new Div();
    private UploadDraft draft;
    MaterialMetaForm form;

    UploadView(LibraryService library) {
        this.library = library;
        addClassName("mingze-upload");
        RouterLink back = new RouterLink(getTranslation("library.back"), LibraryView.class);
        H2 title = new H2(getTranslation("library.upload.title"));
        Paragraph intro = new Paragraph(getTranslation("library.upload.intro", String.valueOf(MAX_BYTES / 1024 / 1024)));
        upload.setUploadHandler(handler());
        upload.setAcceptedFileTypes(".docx", ".pdf", ".txt", ".md");
        upload.setMaxFileSize(MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setWidthFull();
        upload.setI18n(UploadTexts.of(this, getTranslation("library.upload.drop"), getTranslation("library.upload.button"),
                getTranslation("library.upload.too-many"),
                getTranslation("library.upload.too-big", String.valueOf(MAX_BYTES / 1024 / 1024)),
                getTranslation("library.upload.wrong-type")));
        upload.addFileRejectedListener(e -> error(getTranslation("library.upload.rejected", e.getFileName(),
                e.getErrorMessage())));
        step2.setWidthFull();
        add(back, title, intro, upload, step2);
    }

    private UploadHandler handler() {
        return event -> {
            byte[] data;
            try (InputStream in = event.getInputStream()) {
                data = in.readNBytes(MAX_BYTES + 1);
            }
            String fileName = event.getFileName();
            event.getUI().access(() -> received(fileName, data));
        };
    }

    /** Extracts the text and shows the form; on refusal, says why and stores nothing. */
    void received(String fileName, byte[] data) {
        step2.removeAll();
        draft = null;
        try {
            draft = library.extract(fileName, data);
        } catch (ValidationException ex) {
            for (Problem p : ex.problems()) {
                error(getTranslation(p.key(), p.args().stream().map(String::valueOf).toArray()));
            }
            upload.clearFileList();
            return;
        }
        H3 heading = new H3(getTranslation("library.upload.step2"));
        Paragraph found = new Paragraph(getTranslation("library.upload.extracted", fileName,
                String.valueOf(draft.body().length()), String.valueOf(draft.headings())));
        found.addClassName("mingze-upload-extracted");
        form = new MaterialMetaForm(library.categories());
        form.fill(draft.suggested());
        Pre preview = new Pre(draft.body().length() > 2000 ? draft.body().substring(0, 2000) + "…" : draft.body());
        preview.addClassName("mingze-upload-preview");
        Button publish = new Button(getTranslation("library.upload.publish"), e -> publish());
        publish.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        publish.addClassName("mingze-upload-publish");
        step2.add(heading, found, form, publish, new H3(getTranslation("library.upload.preview")), preview);
    }

    void publish() {
        form.clearErrors();
        try {
            String id = library.publish(draft, form.value());
            Notification.show(getTranslation("library.upload.published"), 3000, Notification.Position.BOTTOM_START);
            getUI().ifPresent(ui -> ui.navigate(ReaderView.class, id));
        } catch (ValidationException ex) {
            FormErrors.show(ex, form.fields(), this);
        }
    }

    private static void error(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.upload.title");
    }
}
