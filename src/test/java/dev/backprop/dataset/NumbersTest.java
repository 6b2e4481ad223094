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

    @Test
    void shortDecimalsTakeTheFastPathAndGiveExactlyWhatTheFullParserGives() {
        List<String> cases = List.of("0", "7", "-7", "+7", "255", "00012", "0.624", "-3.25", "3.", ".5", "+.5", "-.5",
                "999999999999999", "-999999999999999", "99999999999999.9", "0.00000000000001", "1000000000000000",
                "12345678901234567890", "0.1", "0.3", "2.675", "-0", "-0.0", "+0", "-", "+", ".", "1-", "12a", "1.2.3",
                "1e3", "1E-5", " 1");
        for (String value : cases) {
            double expected = Numbers.isDecimal(value) ? Double.parseDouble(value) : Double.NaN;
            assertThat(Double.doubleToRawLongBits(Numbers.parseDouble(value))).as(value)
                    .isEqualTo(Double.doubleToRawLongBits(expected));
        }
        assertThat(Numbers.shortDecimal("0.624")).as("taken by the fast path").isEqualTo(0.624);
        assertThat(Numbers.shortDecimal("1000000000000000")).as("16 digits go to the full parser").isNaN();
        assertThat(Numbers.shortDecimal("1e3")).as("exponents go to the full parser").isNaN();
        Random random = new Random(5);
        for (int n = 0; n < 200_000; n++) {
            int digits = 1 + random.nextInt(15);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            int point = random.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                text.append(d == point ? "." : "").append((char) ('0' + random.nextInt(10)));
            }
            String value = text.toString();
            assertThat(Double.doubleToRawLongBits(Numbers.parseDouble(value))).as(value)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(value)));
        }
    }

    @Test
    void notANumberIsNaNAndNullForTheBoxedForm() {
        for (String value : new String[] {null, "", "NaN", "Infinity", "1e999", "abc", " 1"}) {
            assertThat(Numbers.parseDouble(value)).as(String.valueOf(value)).isNaN();
            assertThat(Numbers.parse(value)).as(String.valueOf(value)).isNull();
        }
    }
}
