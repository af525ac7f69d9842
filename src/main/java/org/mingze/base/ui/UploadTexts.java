package org.mingze.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;

/** The texts of Vaadin's Upload in the person's language; each upload page adds its own drop/button/limit texts. */
public final class UploadTexts {

    private UploadTexts() {
    }

    /**
     * @param drop       "drop a file here"
     * @param button     the add-file button
     * @param tooMany    only one file at a time
     * @param tooBig     the size limit, already formatted
     * @param wrongType  accepted file types
     */
    public static UploadI18N of(Component c, String drop, String button, String tooMany, String tooBig,
                                String wrongType) {
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop));
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(button).setMany(button));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(tooMany).setFileIsTooBig(tooBig)
                .setIncorrectFileType(wrongType));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(c.getTranslation("import.upload.connecting"))
                        .setStalled(c.getTranslation("import.upload.stalled"))
                        .setProcessing(c.getTranslation("import.upload.processing"))
                        .setHeld(c.getTranslation("import.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(c.getTranslation("import.upload.remaining"))
                        .setUnknown(c.getTranslation("import.upload.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(c.getTranslation("import.upload.server-unavailable"))
                        .setUnexpectedServerError(c.getTranslation("import.upload.server-error"))
                        .setForbidden(c.getTranslation("import.upload.forbidden"))));
        i18n.setFile(new UploadI18N.File().setRetry(c.getTranslation("import.upload.retry"))
                .setStart(c.getTranslation("import.upload.start")).setRemove(c.getTranslation("import.upload.remove")));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"));
        return i18n;
    }
}
