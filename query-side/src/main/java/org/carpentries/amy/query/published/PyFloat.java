package org.carpentries.amy.query.published;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python 3's {@code repr(float)}: the shortest digits that read back as the same double. */
public final class PyFloat {

    private PyFloat() {
    }

    public static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(value) < 0) ? "-" : "";
        double magnitude = Math.abs(value);
        if (magnitude == 0.0) {
            return sign + "0.0";
        }
        BigDecimal shortest = shortestRoundTrip(magnitude).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int pointPosition = digits.length() - shortest.scale();
        return sign + layout(digits, pointPosition);
    }

    /**
     * Java 17's Double.toString is not always shortest (JDK-4511638) but always reads back, and a digit count that
     * works keeps working for every longer count, so search downwards from its length.
     */
    private static BigDecimal shortestRoundTrip(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        int precision = new BigDecimal(Double.toString(magnitude)).stripTrailingZeros().precision();
        BigDecimal shortest = closestRoundTrip(exact, magnitude, precision);
        while (precision > 1) {
            BigDecimal shorter = closestRoundTrip(exact, magnitude, --precision);
            if (shorter == null) {
                break;
            }
            shortest = shorter;
        }
        return shortest;
    }

    /** Both neighbours are tried because next to a power of two the rounding interval is lopsided. */
    private static BigDecimal closestRoundTrip(BigDecimal exact, double magnitude, int precision) {
        BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
        BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
        boolean downWorks = down.doubleValue() == magnitude;
        boolean upWorks = up.doubleValue() == magnitude;
        if (downWorks && upWorks) {
            return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
        }
        if (downWorks) {
            return down;
        }
        return upWorks ? up : null;
    }

    /** Python switches to exponent notation when the decimal exponent is below -4 or at least 16. */
    private static String layout(String digits, int pointPosition) {
        int exponent = pointPosition - 1;
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exponentDigits = String.valueOf(Math.abs(exponent));
            if (exponentDigits.length() < 2) {
                exponentDigits = "0" + exponentDigits;
            }
            return mantissa + "e" + (exponent < 0 ? "-" : "+") + exponentDigits;
        }
        if (pointPosition <= 0) {
            return "0." + "0".repeat(-pointPosition) + digits;
        }
        if (pointPosition >= digits.length()) {
            return digits + "0".repeat(pointPosition - digits.length()) + ".0";
        }
        return digits.substring(0, pointPosition) + "." + digits.substring(pointPosition);
    }
}
