package org.mingze.base.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one font of Mingze's PDFs: Noto Sans SC Regular (TrueType, SIL Open Font License, {@code fonts/OFL.txt}),
 * read from the class path once and embedded as a subset (only the glyphs a document uses), Identity-H encoded so
 * that every Chinese character is written as itself and can be copied and searched. Decision 0012.
 */
public final class PdfFonts {

    static final String RESOURCE = "/fonts/NotoSansSC-Regular.ttf";

    private PdfFonts() {
    }

    private static final class Holder {
        static final BaseFont REGULAR = load();
    }

    /** The font, loaded on first use (about 10 MB read once) and shared by all documents. */
    public static BaseFont regular() {
        return Holder.REGULAR;
    }

    private static BaseFont load() {
        try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the class path: " + RESOURCE);
            }
            byte[] ttf = in.readAllBytes();
            return BaseFont.createFont("NotoSansSC-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                    BaseFont.CACHED, ttf, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
