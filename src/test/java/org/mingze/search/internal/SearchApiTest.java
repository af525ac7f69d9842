package org.mingze.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mingze.MingzeTest;
import org.mingze.search.WithSearchFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@MingzeTest
@WithSearchFixtures
class SearchApiTest {

    private static final String PASSWORD = "Mingze@2026";

    @Autowired
    MockMvc mvc;
    @Autowired
    SearchIndexer indexer;
    @Autowired
    ApiRateLimiter limiter;
    @Autowired
    UserDetailsService users;

    @BeforeEach
    void ready() throws Exception {
        indexer.awaitIdle();
        limiter.reset();
    }

    @Test
    void a_script_with_http_basic_gets_hits_facets_and_timing_as_json() throws Exception {
        mvc.perform(get("/api/search").param("q", "一岗双责").with(httpBasic("wangzh", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.total").value(greaterThan(2)))
                .andExpect(jsonPath("$.tookMs").isNumber())
                .andExpect(jsonPath("$.hits[0].id").value("zhuti/yigang-shuangze#yaoqiu"))
                .andExpect(jsonPath("$.hits[0].type").value("material"))
                .andExpect(jsonPath("$.hits[0].title").value("领导干部一岗双责的基本要求"))
                .andExpect(jsonPath("$.hits[0].anchor").value("yaoqiu"))
                .andExpect(jsonPath("$.hits[0].url").value("/library/read/zhuti/yigang-shuangze#yaoqiu"))
                .andExpect(jsonPath("$.hits[0].category").value("制度规定"))
                .andExpect(jsonPath("$.hits[0].tags[0]").value("一岗双责"))
                .andExpect(jsonPath("$.hits[0].date").value("2022-03-15"))
                .andExpect(jsonPath("$.hits[*].snippet", hasItem(containsString("<mark>一岗双责</mark>"))))
                .andExpect(jsonPath("$.hits[0].score").isNumber())
                .andExpect(jsonPath("$.facets.category[0].value").isString())
                .andExpect(jsonPath("$.facets.year").isArray())
                .andExpect(jsonPath("$.facets.type[0].value").value("material"))
                .andExpect(jsonPath("$.problem").doesNotExist());
    }

    @Test
    void filters_paging_and_sort_are_parameters() throws Exception {
        mvc.perform(get("/api/search").param("q", "主体责任").param("category", "理论学习")
                        .param("from", "2023").param("to", "2023-12-31").param("sort", "date")
                        .param("page", "1").param("size", "1").with(httpBasic("wangzh", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.size").value(1))
                .andExpect(jsonPath("$.hits.length()").value(1))
                .andExpect(jsonPath("$.hits[*].category", everyItem(org.hamcrest.Matchers.is("理论学习"))));
        mvc.perform(get("/api/search").param("q", "主体责任").param("type", "question")
                        .with(httpBasic("wangzh", PASSWORD)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void a_signed_in_session_works_too() throws Exception {
        mvc.perform(get("/api/search").param("q", "三会一课")
                        .with(user(users.loadUserByUsername("zhouxy"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].id").value("zuzhi/sanhui-yike#neirong"));
    }

    @Test
    void without_credentials_or_with_a_wrong_password_the_answer_is_401_json() throws Exception {
        mvc.perform(get("/api/search").param("q", "主体责任"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
                .andExpect(jsonPath("$.error").value("unauthorized"))
                .andExpect(jsonPath("$.message").value(containsString("登录")));
        mvc.perform(get("/api/search").param("q", "主体责任").with(httpBasic("wangzh", "wrong")))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error").value("unauthorized"));
    }

    @Test
    void bad_parameters_are_400_json_naming_the_parameter() throws Exception {
        String[][] bad = {{"page", "abc"}, {"page", "0"}, {"size", "1000"}, {"from", "2024-13-01"},
                {"to", "yesterday"}, {"sort", "random"}};
        for (String[] p : bad) {
            mvc.perform(get("/api/search").param("q", "主体责任").param(p[0], p[1])
                            .with(httpBasic("wangzh", PASSWORD)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error").value("bad_parameter"))
                    .andExpect(jsonPath("$.parameter").value(p[0]))
                    .andExpect(jsonPath("$.message").value(containsString(p[0])));
        }
        mvc.perform(get("/api/search").param("q", "主体责任").param("from", "2025").param("to", "2024")
                        .with(httpBasic("wangzh", PASSWORD)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.parameter").value("from"));
    }

    @Test
    void english_messages_on_request() throws Exception {
        mvc.perform(get("/api/search").param("q", "主体责任").param("page", "x").header("Accept-Language", "en")
                        .with(httpBasic("wangzh", PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.message").value(containsString("not understood")));
    }

    @Test
    void odd_queries_answer_200_with_a_message_not_an_error() throws Exception {
        for (String q : new String[] {"", "\"", "的", "-一岗双责", "*:*", "主体责任".repeat(1000), "\u0000"}) {
            mvc.perform(get("/api/search").param("q", q).with(httpBasic("wangzh", PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").isNumber());
        }
        mvc.perform(get("/api/search").param("q", "的").with(httpBasic("wangzh", PASSWORD)))
                .andExpect(jsonPath("$.problem.key").value("search.problem.only-stopwords"))
                .andExpect(jsonPath("$.problem.message").value(containsString("虚词")));
    }

    @Test
    void learners_never_see_archived_materials_through_the_api() throws Exception {
        mvc.perform(get("/api/search").param("q", "旧版").with(httpBasic("wangzh", PASSWORD)))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(get("/api/search").param("q", "旧版").with(httpBasic("admin", PASSWORD)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.hits[0].archived").value(true));
    }

    @Test
    void organisers_get_question_hits_with_the_bank_editor_link_and_learners_none() throws Exception {
        mvc.perform(get("/api/search").param("q", "搜索测试题库").param("type", "question")
                        .with(httpBasic("lihm", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.hits[*].type", everyItem(org.hamcrest.Matchers.is("question"))))
                .andExpect(jsonPath("$.hits[*].url", hasItem("/quiz/questions/sq-002")))
                .andExpect(jsonPath("$.hits[?(@.id == 'sq-002')].questionId").value(hasItem("sq-002")))
                .andExpect(jsonPath("$.hits[?(@.id == 'sq-002')].questionType").value(hasItem("judge")))
                .andExpect(jsonPath("$.hits[?(@.id == 'sq-002')].heading").value(hasItem("搜索测试题库")))
                .andExpect(jsonPath("$.hits[?(@.id == 'sq-002')].materialId").value(hasItem(
                        org.hamcrest.Matchers.nullValue())))
                .andExpect(jsonPath("$.facets.type[0].value").value("question"));
        mvc.perform(get("/api/search").param("q", "组织生活").with(httpBasic("guolx", PASSWORD)))
                .andExpect(jsonPath("$.facets.type[*].value", hasItem("question")))
                .andExpect(jsonPath("$.facets.type[*].value", hasItem("material")));
        for (String type : new String[] {null, "question"}) {
            var request = get("/api/search").param("q", "搜索测试题库");
            if (type != null) {
                request = request.param("type", type);
            }
            mvc.perform(request.with(httpBasic("wangzh", PASSWORD)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(0));
        }
        mvc.perform(get("/api/search").param("q", "组织生活").with(httpBasic("wangzh", PASSWORD)))
                .andExpect(jsonPath("$.hits[*].type", everyItem(org.hamcrest.Matchers.is("material"))))
                .andExpect(jsonPath("$.facets.type[*].value", not(hasItem("question"))));
    }

    @Test
    void too_many_requests_per_minute_are_refused_with_429_json() throws Exception {
        var zhouxy = user(users.loadUserByUsername("zhouxy"));
        int allowed = 0;
        while (allowed <= limiter.perMinute() + 5) {
            int code = mvc.perform(get("/api/search/suggest").param("q", "三会").with(zhouxy)).andReturn()
                    .getResponse().getStatus();
            if (code != 200) {
                break;
            }
            allowed++;
        }
        // the bucket refills one request every two seconds at 30 per minute
        assertThat(allowed).isBetween(limiter.perMinute(), limiter.perMinute() + 2);
        mvc.perform(get("/api/search").param("q", "三会一课").with(zhouxy))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(jsonPath("$.error").value("too_many_requests"))
                .andExpect(jsonPath("$.message").value(containsString("频繁")));
        mvc.perform(get("/api/search").param("q", "三会一课").with(httpBasic("wangzh", PASSWORD)))
                .andExpect(status().isOk());
    }

    @Test
    void suggestions_are_json_too() throws Exception {
        mvc.perform(get("/api/search/suggest").param("q", "两学").with(httpBasic("wangzh", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.suggestions", hasItem("两学一做")));
    }

    @Test
    void a_post_is_refused() throws Exception {
        mvc.perform(post("/api/search").param("q", "主体责任").with(httpBasic("wangzh", PASSWORD)))
                .andExpect(status().is(not(200)));
    }
}
