package org.mingze.search.internal;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The search components: vocabulary, analyzers, the index, the engine and the suggester. */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {

    @Bean
    DomainDictionary searchDictionary(@Value("${mingze.content-dir:./content}") String contentDir) {
        return DomainDictionary.load(Path.of(contentDir).resolve("search"));
    }

    @Bean
    Analyzers searchAnalyzers(DomainDictionary dictionary) {
        return new Analyzers(dictionary);
    }

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(Analyzers analyzers, SearchProperties properties,
                            @Value("${mingze.data-dir:./data}") String dataDir) {
        if (properties.inMemory()) {
            return SearchIndex.inMemory(analyzers);
        }
        String dir = properties.indexDir() == null || properties.indexDir().isBlank()
                ? Path.of(dataDir).resolve("index").toString() : properties.indexDir();
        return SearchIndex.open(Path.of(dir), analyzers);
    }

    @Bean
    SearchEngine searchEngine(SearchIndex index) {
        return new SearchEngine(index);
    }

    @Bean
    Suggester searchSuggester(SearchIndex index) {
        return new Suggester(index);
    }
}
