package dev.backprop.dataset;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written decimal check accepts exactly what the regular expression it replaces accepts. */
class NumbersTest {

    @Test
    void handWrittenCheckAgreesWithTheRegularExpressionOnEdgeCases() {
        List<String> cases = List.of("0", "-1", "+2.5", "3.", ".5", ".", "-.", "+", "1e5", "1E-5", "1e", "1e+", ".e1", "1.e3",
                "-0.0", "00012", "1.2.3", "1e5.0", " 1", "1 ", "NaN", "Infinity", "0x10", "١", "1_000", "", "e", "--1");
        for (String value : cases) {
            assertThat(Numbers.isDecimal(value)).as(value).isEqualTo(Numbers.DECIMAL.matcher(value).matches());
        }
    }

    @Test
    void handWrittenCheckAgreesWithTheRegularExpressionOnRandomText() {
        Random random = new Random(11);
        String alphabet = "0123456789+-.eEx ";
        int accepted = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(7);
            for (int i = 0; i < length; i++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            boolean expected = Numbers.DECIMAL.matcher(value).matches();
            assertThat(Numbers.isDecimal(value.toString())).as(value.toString()).isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("the random texts include numbers too").isGreaterThan(1_000);
    }
}
