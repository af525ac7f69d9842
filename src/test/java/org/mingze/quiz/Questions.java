package org.mingze.quiz;

import java.math.BigDecimal;
import java.util.List;

/** Builds valid questions of each type for tests; change what a test is about with the setters. */
public final class Questions {

    private String id = "t-001";
    private int version;
    private String bank = "测试题库";
    private QuestionType type = QuestionType.SINGLE;
    private String stem = "落实全面从严治党主体责任，谁是第一责任人？";
    private List<String> options = List.of("党委副书记", "党委书记", "纪委书记", "政治处主任");
    private AnswerKey answer = new AnswerKey.Choices(List.of(1));
    private String explanation = "党委书记对本单位党风廉政建设负总责，是第一责任人。";
    private String source;
    private List<String> tags = List.of("第一责任人");
    private String category = "主体责任";
    private int difficulty = 2;
    private BigDecimal points = BigDecimal.ONE;

    private Questions() {
    }

    public static Questions single() {
        return new Questions();
    }

    public static Questions multiple() {
        return new Questions().type(QuestionType.MULTIPLE).stem("主体责任由哪几部分构成？")
                .options("领导班子的集体责任", "党委书记的第一责任", "班子成员的一岗双责", "纪委的监督责任")
                .answer(new AnswerKey.Choices(List.of(0, 1, 2))).points(2);
    }

    public static Questions judge() {
        return new Questions().type(QuestionType.JUDGE).stem("纪委的监督责任是主体责任的组成部分。").options()
                .answer(new AnswerKey.Judge(false));
    }

    public static Questions fill() {
        return new Questions().type(QuestionType.FILL).stem("集体责任是___，一岗双责是___。").options()
                .answer(new AnswerKey.Blanks(List.of(List.of("基础"), List.of("支撑", "支柱")))).points(2);
    }

    public static Questions essay() {
        return new Questions().type(QuestionType.ESSAY).stem("简述党委书记如何履行第一责任人职责。").options()
                .answer(new AnswerKey.Reference("1. 带头研究部署；2. 带头示范；3. 带头监督。")).points(6);
    }

    /** A builder holding the question's fields. */
    public static Questions from(Question q) {
        Questions b = new Questions();
        b.id = q.id();
        b.version = q.version();
        b.bank = q.bank();
        b.type = q.type();
        b.stem = q.stem();
        b.options = q.options();
        b.answer = q.answer();
        b.explanation = q.explanation();
        b.source = q.source();
        b.tags = q.tags();
        b.category = q.category();
        b.difficulty = q.difficulty();
        b.points = q.points();
        return b;
    }

    public Questions id(String value) {
        id = value;
        return this;
    }

    public Questions version(int value) {
        version = value;
        return this;
    }

    public Questions bank(String value) {
        bank = value;
        return this;
    }

    public Questions type(QuestionType value) {
        type = value;
        return this;
    }

    public Questions stem(String value) {
        stem = value;
        return this;
    }

    public Questions options(String... values) {
        options = List.of(values);
        return this;
    }

    public Questions options(List<String> values) {
        options = values;
        return this;
    }

    public Questions answer(AnswerKey value) {
        answer = value;
        return this;
    }

    /** Choice answer by letters, "B" or "A", "C". */
    public Questions letters(String... letters) {
        answer = new AnswerKey.Choices(java.util.Arrays.stream(letters).map(Question::index).toList());
        return this;
    }

    public Questions explanation(String value) {
        explanation = value;
        return this;
    }

    public Questions source(String value) {
        source = value;
        return this;
    }

    public Questions tags(String... values) {
        tags = List.of(values);
        return this;
    }

    public Questions category(String value) {
        category = value;
        return this;
    }

    public Questions difficulty(int value) {
        difficulty = value;
        return this;
    }

    public Questions points(double value) {
        points = BigDecimal.valueOf(value);
        return this;
    }

    public Questions points(BigDecimal value) {
        points = value;
        return this;
    }

    public Question build() {
        return new Question(id, version, bank, type, stem, options, answer, explanation, source, tags, category,
                difficulty, points, false);
    }
}
