package org.carpentries.amy.query.published;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PyFloatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.00001 | 1e-05", "1e16 | 1e+16", "-48.876667 | -48.876667", "0.0001 | 0.0001", "123.0 | 123.0",
        "1e15 | 1000000000000000.0", "1.5e16 | 1.5e+16", "0.1 | 0.1", "-0.0 | -0.0", "0.0 | 0.0",
        "4.9e-324 | 5e-324", "1.7976931348623157e308 | 1.7976931348623157e+308", "1e22 | 1e+22",
        "0.3 | 0.3", "2.0e-3 | 0.002", "100 | 100.0", "1.2345e-7 | 1.2345e-07"})
    void formatsLikePythonRepr(double value, String expected) {
        assertThat(PyFloat.repr(value)).isEqualTo(expected);
    }

    @Test
    void spellsNonFiniteValuesLikePython() {
        assertThat(PyFloat.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PyFloat.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(PyFloat.repr(Double.NaN)).isEqualTo("nan");
    }

    @Test
    void staysShortWhereJava17DoubleToStringIsNot() {
        double value = 2.82879384806159E17;
        assertThat(Double.toString(value)).isEqualTo("2.82879384806159008E17");
        assertThat(PyFloat.repr(value)).isEqualTo("2.82879384806159e+17");
    }

    @Test
    void matchesEveryValueInThePythonFixture() {
        List<String> lines = Fixtures.lines("pyfloat.tsv");
        List<String> mismatches = new ArrayList<>();
        for (String line : lines) {
            String[] columns = line.split("\t");
            String actual = PyFloat.repr(Fixtures.pythonHexFloat(columns[0]));
            if (!actual.equals(columns[1])) {
                mismatches.add(columns[0] + ": expected " + columns[1] + " but was " + actual);
            }
        }
        assertThat(lines).hasSizeGreaterThan(7000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void randomDoublesReadBackExactlyAndNeverNeedMoreDigitsThanJava() {
        SplittableRandom random = new SplittableRandom(20160216L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                continue;
            }
            String repr = PyFloat.repr(value);
            if (Double.parseDouble(repr) != value
                    || significantDigits(repr) > significantDigits(Double.toString(value))) {
                failures.add(Double.toString(value) + " -> " + repr);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static int significantDigits(String text) {
        return new BigDecimal(text).stripTrailingZeros().precision();
    }
}
