package org.mingze.quiz.internal.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;
import org.mingze.base.validation.Problem;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.Questions;
import org.mingze.quiz.internal.QuestionValidator;

/** Questions of all five types with what makes formats stumble, and helpers to compare and to read problems. */
final class Samples {

    private static final Properties ZH = new Properties();

    static {
        try (var in = Samples.class.getResourceAsStream("/i18n/messages_zh.properties")) {
            ZH.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Samples() {
    }

    /** Five types, Chinese text, eight options, several blanks, texts of several lines, characters formats escape. */
    static List<Question> allTypes() {
        return List.of(
                Questions.single().id("io-001").bank("导入导出：测试题库").stem("落实主体责任，谁是“第一责任人”？")
                        .options("党委副书记", "党委书记", "纪委书记", "政治处主任", "办公室主任", "纪检员", "支部委员",
                                "普通党员")
                        .letters("B").explanation("党委书记负总责：把方向、定制度。").source("zhuti/diyi-zeren#一什么是第一责任人")
                        .tags("第一责任人", "主体责任").category("主体责任").difficulty(1).points(1).build(),
                Questions.multiple().id("io-002").bank("导入导出：测试题库")
                        .stem("下列说法中正确的有（多选）: 注意 #号 与 {括号}、~波浪线、=等号 以及 \\ 反斜杠")
                        .options("- 以短横开头", "含有: 冒号", "\"引号\"与'单引号'", "true", "null", "[方括号]", "123")
                        .letters("A", "C", "F").explanation("多行解析：\n第一行；\n第二行。").tags("两个责任", "监督责任")
                        .category("两个责任").difficulty(4).points(new BigDecimal("2.5")).build(),
                Questions.judge().id("io-003").bank("导入导出：测试题库").stem("纪委的监督责任是主体责任的组成部分。")
                        .answer(new AnswerKey.Judge(false)).explanation("二者合称“两个责任”。").tags("两个责任")
                        .category(null).difficulty(2).points(1).build(),
                Questions.fill().id("io-004").bank("导入导出：测试题库").stem("集体责任是___，第一责任是___，一岗双责是___。")
                        .answer(new AnswerKey.Blanks(List.of(List.of("基础"), List.of("关键", "1/3", "要害"),
                                List.of("支撑", "支柱"))))
                        .explanation("三者关系。").tags("主体责任").category("主体责任").difficulty(3).points(3).build(),
                Questions.fill().id("io-005").bank("导入导出：另一题库").stem("三会一课中的“一课”是指按时上好___。")
                        .answer(new AnswerKey.Blanks(List.of(List.of("党课/团课")))).explanation("党课。")
                        .tags("三会一课").category("组织生活").difficulty(1).points(1).build(),
                Questions.essay().id("io-006").bank("导入导出：另一题库").stem("简述第一责任人的职责。\n（不少于三条）")
                        .answer(new AnswerKey.Reference("1. 带头研究部署；\n2. 带头示范；\n\n3. 带头监督检查 [要点]。"))
                        .explanation("评分看三个“带头”。").source("zhuti/diyi-zeren").tags("第一责任人", "评分]要点")
                        .category("主体责任").difficulty(5).points(8).build());
    }

    /** The question as a file gives it back: normalised, version 1, not retired. */
    static Question norm(Question q) {
        return QuestionValidator.normalise(new Question(q.id(), 1, q.bank(), q.type(), q.stem(), q.options(),
                q.answer(), q.explanation(), q.source(), q.tags(), q.category(), q.difficulty(), q.points(), false));
    }

    static List<Question> norm(List<Question> questions) {
        return questions.stream().map(Samples::norm).toList();
    }

    static List<Question> questions(ReadResult r) {
        assertThat(r.problems()).as("problems").isEmpty();
        return norm(r.questions().stream().map(ReadQuestion::question).toList());
    }

    /** A problem in Chinese, as the import page shows it; checks that the text exists and is complete. */
    static String text(Problem p) {
        String pattern = ZH.getProperty(p.key());
        assertThat(pattern).as("Chinese text of " + p.key()).isNotBlank();
        String text = p.args().isEmpty() ? pattern : new MessageFormat(pattern, Locale.CHINESE)
                .format(p.args().toArray());
        assertThat(text).as(p.key()).containsPattern("\\p{IsHan}").doesNotContainPattern("\\{\\d}");
        return text;
    }

    /** The Chinese text of a key with the import's limits, as the service gives it to the spreadsheet writer. */
    static Function<String, String> zh() {
        return key -> {
            String pattern = ZH.getProperty(key);
            assertThat(pattern).as(key).isNotBlank();
            return new MessageFormat(pattern, Locale.CHINESE).format(new Object[] {"5000", "5"});
        };
    }

    /** "row field key" of each problem, for exact comparisons. */
    static List<String> where(ReadResult r) {
        return r.problems().stream().map(p -> p.row() + " " + p.field() + " " + p.key()).toList();
    }
}
