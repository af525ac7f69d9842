package org.mingze.schedule.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The files of session photos under {@code <data-dir>/schedule/photos/<session>/}: the image as uploaded and a
 * JPEG thumbnail {@value #THUMB_WIDTH} px wide, named by a random id (never by the uploaded name). Recognises images
 * by their first bytes and by ImageIO actually decoding them, never by the file name. EXIF orientation is ignored:
 * a photo shows as its pixels are stored.
 */
@Component
public class PhotoFiles {

    public static final int THUMB_WIDTH = 320;

    /** A decoded image: its format (jpeg, png, webp) and size. */
    public record Decoded(String format, int width, int height, BufferedImage image) {
    }

    /** Why bytes are not a photo we take. */
    public enum Refusal { NOT_AN_IMAGE, WEBP_UNSUPPORTED, TOO_MANY_PIXELS }

    public static class Refused extends Exception {
        private final Refusal reason;

        Refused(Refusal reason) {
            super(reason.name(), null, false, false);
            this.reason = reason;
        }

        public Refusal reason() {
            return reason;
        }
    }

    private final Path root;

    PhotoFiles(@Value("${mingze.data-dir:./data}") String dataDir) {
        this.root = Path.of(dataDir).resolve("schedule").resolve("photos");
    }

    public Path folder(long sessionId) {
        return root.resolve(String.valueOf(sessionId));
    }

    /** The formats ImageIO can read here, of those we accept: jpeg and png always, webp with a plug-in. */
    public static List<String> formats() {
        return ImageIO.getImageReadersByFormatName("webp").hasNext() ? List.of("jpeg", "png", "webp")
                : List.of("jpeg", "png");
    }

    /** The format the first bytes announce (JPEG, PNG or WebP signature), if any. */
    static Optional<String> sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Optional.of("jpeg");
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
        if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8), png)) {
            return Optional.of("png");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("webp");
        }
        return Optional.empty();
    }

    /**
     * Decodes the bytes as the image their signature announces, checking the pixel count before decoding.
     *
     * @throws Refused not a JPEG/PNG/WebP, unreadable, WebP without a reader here, or more pixels than allowed
     */
    public Decoded decode(byte[] bytes, long maxPixels) throws Refused {
        String format = sniff(bytes).orElseThrow(() -> new Refused(Refusal.NOT_AN_IMAGE));
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new Refused(format.equals("webp") ? Refusal.WEBP_UNSUPPORTED : Refusal.NOT_AN_IMAGE);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int w = reader.getWidth(0);
            int h = reader.getHeight(0);
            if (w <= 0 || h <= 0) {
                throw new Refused(Refusal.NOT_AN_IMAGE);
            }
            if ((long) w * h > maxPixels) {
                throw new Refused(Refusal.TOO_MANY_PIXELS);
            }
            BufferedImage image = reader.read(0);
            if (image == null) {
                throw new Refused(Refusal.NOT_AN_IMAGE);
            }
            return new Decoded(format, w, h, image);
        } catch (IOException | RuntimeException e) {
            throw new Refused(Refusal.NOT_AN_IMAGE);
        } finally {
            reader.dispose();
        }
    }

    /** A JPEG {@value #THUMB_WIDTH} px wide (or the image's width if narrower), on white where it was transparent. */
    public static byte[] thumbnail(BufferedImage image) {
        int w = Math.min(THUMB_WIDTH, image.getWidth());
        int h = Math.max(1, (int) Math.round(image.getHeight() * (double) w / image.getWidth()));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream os = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(os);
            ImageWriteParam p = writer.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(out, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** Writes the image and its thumbnail; returns the stored name (the thumbnail is {@code <name>.thumb.jpg}). */
    public String write(long sessionId, String format, byte[] image, byte[] thumb) {
        String name = UUID.randomUUID() + "." + (format.equals("jpeg") ? "jpg" : format);
        Path dir = folder(sessionId);
        try {
            Files.createDirectories(dir);
            put(dir.resolve(name), image);
            put(dir.resolve(thumbName(name)), thumb);
            return name;
        } catch (IOException e) {
            delete(sessionId, name);
            throw new UncheckedIOException(e);
        }
    }

    public byte[] read(long sessionId, String name, boolean thumb) {
        try {
            return Files.readAllBytes(folder(sessionId).resolve(thumb ? thumbName(name) : name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(long sessionId, String name) {
        try {
            Files.deleteIfExists(folder(sessionId).resolve(name));
            Files.deleteIfExists(folder(sessionId).resolve(thumbName(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String thumbName(String name) {
        return name + ".thumb.jpg";
    }

    private static void put(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
