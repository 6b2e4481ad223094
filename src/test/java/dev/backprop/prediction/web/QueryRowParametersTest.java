package dev.backprop.prediction.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.backprop.shared.InvalidRequestException;
import org.apache.tomcat.util.buf.MessageBytes;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.Parameters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The single-row endpoint reads its raw query string itself: it must get what Tomcat's parser would have given it. */
class QueryRowParametersTest {

    private static final String[] PIECES = {"a", "Sex", "x0", "é", "日本", "😀", " ", "+", "=", "&", "%", "/", "?", "#", ",",
            "0.25", "-1e-3", "", "\t", "female", "Age"};

    @Test
    void randomQueriesParseAsTomcatParsesThem() {
        Random random = new Random(11);
        int refused = 0;
        for (int n = 0; n < 20_000; n++) {
            String query = randomQuery(random);
            Map<String, String[]> expected;
            try {
                expected = tomcat(query);
            } catch (InvalidParameterException e) {
                refused++;
                assertThatThrownBy(() -> QueryRow.parameters(query)).as(query).isInstanceOf(InvalidRequestException.class);
                continue;
            }
            assertThat(lists(QueryRow.parameters(query))).as(query).isEqualTo(lists(expected));
        }
        assertThat(refused).as("queries Tomcat refuses were among them").isPositive().isLessThan(10_000);
    }

    @Test
    void theUsualShapesParseAsTomcatParsesThem() {
        for (String query : List.of("", "&", "&&a=1&&", "a", "a=", "a=1&a=2&b", "a=x=y", "a+b=c+d", "a%20b=c%2Bd",
                "Sex=female&Age=&version=2&threshold=0.3", "x=%E6%97%A5%E6%9C%AC", "x=%e2%82%ac", "%3D=%26")) {
            assertThat(lists(QueryRow.parameters(query))).as(query).isEqualTo(lists(tomcat(query)));
        }
    }

    @Test
    void whatTomcatRefusesIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> QueryRow.parameters("Sex=female&Age=%zz"))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).violations().get(0).path()).isEqualTo("Age"))
                .hasMessageContaining("'%zz' is not valid in a query string");
        assertThatThrownBy(() -> QueryRow.parameters("A%2=1")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'A%2'");
        assertThatThrownBy(() -> QueryRow.parameters("Sex=female&=1")).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'=1' in the query string has no parameter name");
        for (String query : List.of("Sex=female&Age=%zz", "A%2=1", "Sex=female&=1")) {
            assertThatThrownBy(() -> tomcat(query)).as(query).isInstanceOf(InvalidParameterException.class);
        }
    }

    private static String randomQuery(Random random) {
        StringBuilder query = new StringBuilder();
        int parts = random.nextInt(6);
        for (int p = 0; p < parts; p++) {
            if (p > 0) {
                query.append('&');
            }
            query.append(piece(random));
            if (random.nextInt(5) > 0) {
                query.append('=').append(piece(random));
            }
        }
        return query.toString();
    }

    /** Text made of the pieces, percent-encoded (as a client would) or, for the safe ones, sometimes left as is. */
    private static String piece(Random random) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            String piece = PIECES[random.nextInt(PIECES.length)];
            boolean safe = piece.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '.' || c == '-');
            text.append(safe && random.nextBoolean() ? piece : URLEncoder.encode(piece, StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static Map<String, List<String>> lists(Map<String, String[]> parameters) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        parameters.forEach((name, values) -> lists.put(name, List.of(values)));
        return lists;
    }

    private static Map<String, String[]> tomcat(String query) {
        Parameters parameters = new Parameters();
        parameters.setQueryStringCharset(StandardCharsets.UTF_8);
        MessageBytes bytes = MessageBytes.newInstance();
        bytes.setString(query);
        parameters.setQuery(bytes);
        parameters.handleQueryParameters();
        Map<String, String[]> map = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(Collections.list(parameters.getParameterNames()));
        for (String name : names) {
            map.put(name, parameters.getParameterValues(name));
        }
        return map;
    }
}
