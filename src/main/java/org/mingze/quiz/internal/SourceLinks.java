package org.mingze.quiz.internal;

import java.util.Optional;
import org.mingze.library.IndexableMaterial;
import org.mingze.library.MaterialSource;
import org.mingze.quiz.Feedback;
import org.mingze.quiz.Grade;
import org.mingze.quiz.Question;
import org.springframework.stereotype.Component;

/**
 * Feedback after an answer: the grade, the answer, the explanation and a link to the section of the material that
 * explains it ({@code library/read/<material>#<anchor>}, titled "material · section"). A material that is not
 * loaded or is archived gets no link (a learner could not open it).
 */
@Component
public class SourceLinks {

    /** The reader's route, as the library defines it. */
    public static final String READER = "library/read/";

    private final MaterialSource materials;

    SourceLinks(MaterialSource materials) {
        this.materials = materials;
    }

    public Feedback feedback(Question q, Grade grade) {
        String material = q.sourceMaterial();
        Optional<IndexableMaterial> m = material == null ? Optional.empty() : materials.find(material);
        if (m.isEmpty() || m.get().archived()) {
            return new Feedback(grade, q.answer(), q.explanation(), null, null);
        }
        String anchor = q.sourceAnchor();
        String title = m.get().title();
        Optional<IndexableMaterial.Section> section = anchor == null ? Optional.empty()
                : m.get().sections().stream().filter(s -> anchor.equals(s.anchor())).findFirst();
        if (section.isPresent() && section.get().heading() != null && !section.get().heading().isBlank()) {
            title = title + " · " + section.get().heading();
        }
        String url = READER + material.replace(" ", "%20") + (section.isPresent() ? "#" + anchor : "");
        return new Feedback(grade, q.answer(), q.explanation(), url, title);
    }

    /** The material's title, when it is loaded and not archived (or the reader may see archived ones). */
    public Optional<String> title(String materialId, boolean archivedToo) {
        return materialId == null ? Optional.empty() : materials.find(materialId)
                .filter(m -> archivedToo || !m.archived()).map(IndexableMaterial::title);
    }
}
