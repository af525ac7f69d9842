package org.mingze.quiz.internal.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mingze.quiz.AnswerKey;
import org.mingze.quiz.Question;
import org.mingze.quiz.QuestionType;
import org.mingze.quiz.Questions;

class GiftTest {

    @Test
    void written_questions_of_all_five_types_read_back_equal() {
        List<Question> questions = Samples.allTypes();

        Written w = Gift.write(questions);
        ReadResult r = Gift.read(w.bytes());

        assertThat(w.skipped()).isEmpty();
        assertThat(w.notes()).extracting(Written.Note::questionId, Written.Note::key)
                .containsExactly(tuple("io-004", "quiz.export.note.gift-blanks"));
        assertThat(Samples.questions(r)).containsExactlyElementsOf(Samples.norm(questions));
    }

    @Test
    void the_file_is_gift_as_moodle_reads_it_with_the_weights_of_multiple_choice() {
        Question single = Questions.single().id("g-1").bank("甲/乙题库").stem("谁是第一责任人: 书记？").options("书记", "副书记")
                .letters("A").explanation("书记负总责#1。").tags("第一责任人").source("zhuti/diyi-zeren#一什么是第一责任人")
                .build();
        Question multiple = Questions.multiple().id("g-2").bank("甲/乙题库").build();
        Question judge = Questions.judge().id("g-3").bank("甲/乙题库").build();
        Question fill = Questions.fill().id("g-4").bank("甲/乙题库").stem("按时上好___。")
                .answer(new AnswerKey.Blanks(List.of(List.of("党课", "党课={课}")))).points(1).build();

        String gift = new String(Gift.write(List.of(single, multiple, judge, fill)).bytes(), StandardCharsets.UTF_8);

        assertThat(gift).isEqualTo("""
                $CATEGORY: 甲//乙题库

                // [tag:第一责任人]
                // [difficulty:2] [score:1] [source:zhuti/diyi-zeren#一什么是第一责任人] [category:主体责任]
                ::g-1::谁是第一责任人\\: 书记？{
                =书记
                ~副书记
                ####书记负总责\\#1。
                }

                // [tag:第一责任人]
                // [difficulty:2] [score:2] [category:主体责任]
                ::g-2::主体责任由哪几部分构成？{
                ~%33.33333%领导班子的集体责任
                ~%33.33333%党委书记的第一责任
                ~%33.33333%班子成员的一岗双责
                ~%-100%纪委的监督责任
                ####党委书记对本单位党风廉政建设负总责，是第一责任人。
                }

                // [tag:第一责任人]
                // [difficulty:2] [score:1] [category:主体责任]
                ::g-3::纪委的监督责任是主体责任的组成部分。{FALSE
                ####党委书记对本单位党风廉政建设负总责，是第一责任人。
                }

                // [tag:第一责任人]
                // [difficulty:2] [score:1] [category:主体责任]
                ::g-4::按时上好___。{=党课 =党课\\=\\{课\\}
                ####党委书记对本单位党风廉政建设负总责，是第一责任人。
                }
                """);
        List<Question> back = Samples.questions(Gift.read(gift));
        assertThat(back).containsExactlyElementsOf(Samples.norm(List.of(single, multiple, judge, fill)));
    }

    @Test
    void moodle_gift_is_read_with_comments_titles_escapes_categories_and_weights() {
        String gift = """
                // question: 1  name: 这是 Moodle 写的注释
                $CATEGORY: $course$/top/默认题库/主体责任基础知识

                // [tag:第一责任人] [tag:主体责任] [difficulty:1]
                ::Q1::落实主体责任\\: 第一责任人是谁？{=党委书记 ~纪委书记#不对 ~政治处主任}

                ::中文标题不是编号::[html]判断：党委书记是第一责任人。{T}

                三会一课中的“一课”是指按时上好{=党课 =%100%党的课 =%0%团课}。

                主体责任由哪些构成？{
                ~%50%集体责任
                ~%50%第一责任
                ~%-100%监督责任
                ~纪检责任
                }

                简述第一责任。{####评分看要点。}
                """;

        ReadResult r = Gift.read(gift);

        assertThat(r.questions()).extracting(q -> q.question().id(), q -> q.question().bank(),
                q -> q.question().type(), q -> q.question().stem(), q -> q.question().answer(), ReadQuestion::line)
                .containsExactly(
                        tuple("Q1", "主体责任基础知识", QuestionType.SINGLE, "落实主体责任: 第一责任人是谁？",
                                new AnswerKey.Choices(List.of(0)), 5),
                        tuple(null, "主体责任基础知识", QuestionType.JUDGE, "判断：党委书记是第一责任人。",
                                new AnswerKey.Judge(true), 7),
                        tuple(null, "主体责任基础知识", QuestionType.FILL, "三会一课中的“一课”是指按时上好___。",
                                new AnswerKey.Blanks(List.of(List.of("党课", "党的课"))), 9),
                        tuple(null, "主体责任基础知识", QuestionType.MULTIPLE, "主体责任由哪些构成？",
                                new AnswerKey.Choices(List.of(0, 1)), 11),
                        tuple(null, "主体责任基础知识", QuestionType.ESSAY, "简述第一责任。", null, 18));
        Question first = r.questions().get(0).question();
        assertThat(first.options()).containsExactly("党委书记", "纪委书记", "政治处主任");
        assertThat(first.tags()).containsExactly("第一责任人", "主体责任");
        assertThat(first.difficulty()).isEqualTo(1);
        assertThat(r.questions().get(3).question().options()).hasSize(4);
        assertThat(r.questions().get(4).question().explanation()).isEqualTo("评分看要点。");
        // the essay has no reference answer: said, with the line of its answer
        assertThat(Samples.where(r)).containsExactly("18 answer quiz.import.gift.error.reference");
        assertThat(r.questions().get(4).failed()).contains("answer");
    }

    @Test
    void every_broken_question_is_named_by_its_line() {
        String gift = """
                数值题？{#1822:5}

                匹配题？{=甲->乙 =丙->丁}

                ::没有结尾的名称
                题干{T}

                没有闭合的花括号{
                =甲
                ~乙

                // [difficulty:很难]
                单选题不能部分得分？
                {=甲 ~%50%乙 ~丙}

                谁是第一责任人？{=党委书记 =书记}

                没有答案部分的描述

                两个答案？{=甲} 和 {~乙 =丙}
                """;

        ReadResult r = Gift.read(gift);

        assertThat(Samples.where(r)).containsExactly(
                "1 type quiz.import.gift.error.numerical",
                "3 type quiz.import.gift.error.matching",
                "5 id quiz.import.gift.error.title",
                "8 answer quiz.import.gift.error.braces",
                "14 answer quiz.import.gift.error.partial",
                "12 difficulty quiz.import.error.difficulty",
                "16 stem quiz.import.gift.error.fill-no-blank",
                "18 answer quiz.import.gift.error.no-answer",
                "20 answer quiz.import.gift.error.blocks");
        assertThat(r.problems()).allSatisfy(p -> assertThat(Samples.text(p)).isNotBlank());
        assertThat(Samples.text(r.problems().get(4))).contains("乙", "部分得分");
    }

    @Test
    void escapes_and_line_breaks_survive_a_round_trip() {
        Question q = Questions.single().id("esc-1").stem("特殊字符 ~ = # { } : \\ 以及\n换行")
                .options("选项~一", "选项=二", "选项#三", "选项{四}", "选项\\五").letters("E")
                .explanation("解析 #### 不是分隔").build();

        String gift = new String(Gift.write(List.of(q)).bytes(), StandardCharsets.UTF_8);

        assertThat(gift).contains("::esc-1::特殊字符 \\~ \\= \\# \\{ \\} \\: \\\\ 以及\\n换行{");
        assertThat(Samples.questions(Gift.read(gift))).containsExactly(Samples.norm(q));
    }

    @Test
    void html_text_as_moodle_exports_it_becomes_plain_text() {
        String gift = "::m-1::[html]<p>党委书记是&lt;第一&gt;责任人。</p><p>对吗？</p>{TRUE####[html]<p>书记<b>负总责</b>。</p>}";

        Question q = Gift.read(gift).questions().get(0).question();

        assertThat(q.stem()).isEqualTo("党委书记是<第一>责任人。\n对吗？");
        assertThat(q.explanation()).isEqualTo("书记负总责。");
        assertThat(q.answer()).isEqualTo(new AnswerKey.Judge(true));
    }
}
