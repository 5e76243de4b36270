package io.gwctl.validate.rules.names;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address and CIDR parsing without DNS: {@link java.net.InetAddress#getByName} would resolve a
 * host name, which a validator must never do.
 */
public final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpAddresses() {
    }

    /** The address as a number and its width in bits (32 or 128), when {@code value} is an IP literal. */
    public static Optional<Address> parse(String value) {
        if (IPV4.matcher(value).matches()) {
            long v = 0;
            for (String part : value.split("\\.")) {
                v = (v << 8) | Integer.parseInt(part);
            }
            return Optional.of(new Address(BigInteger.valueOf(v), 32));
        }
        if (value.contains(":") && IPV6_CHARS.matcher(value).matches()) {
            return parseV6(value);
        }
        return Optional.empty();
    }

    /** Whether {@code value} is a CIDR block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}. */
    public static boolean isCidr(String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return false;
        }
        Optional<Address> address = parse(value.substring(0, slash));
        String bits = value.substring(slash + 1);
        if (address.isEmpty() || bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
            return false;
        }
        return Integer.parseInt(bits) <= address.get().bits();
    }

    private static Optional<Address> parseV6(String value) {
        String v = value;
        int embeddedV4 = v.lastIndexOf(':');
        BigInteger tail = null;
        if (v.substring(embeddedV4 + 1).contains(".")) {
            Optional<Address> v4 = parse(v.substring(embeddedV4 + 1));
            if (v4.isEmpty()) {
                return Optional.empty();
            }
            tail = v4.get().value();
            v = v.substring(0, embeddedV4 + 1) + "0:0";
        }
        int gap = v.indexOf("::");
        if (gap >= 0 && v.indexOf("::", gap + 1) >= 0) {
            return Optional.empty();
        }
        String[] head = gap < 0 ? v.split(":", -1) : v.substring(0, gap).split(":", -1);
        String[] rest = gap < 0 ? new String[0] : v.substring(gap + 2).split(":", -1);
        if (gap >= 0 && v.substring(0, gap).isEmpty()) {
            head = new String[0];
        }
        if (gap >= 0 && v.substring(gap + 2).isEmpty()) {
            rest = new String[0];
        }
        int groups = head.length + rest.length;
        if ((gap < 0 && groups != 8) || (gap >= 0 && groups > 7)) {
            return Optional.empty();
        }
        BigInteger result = BigInteger.ZERO;
        String[] all = new String[8];
        for (int i = 0; i < 8; i++) {
            all[i] = "0";
        }
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(rest, 0, all, 8 - rest.length, rest.length);
        for (String g : all) {
            if (g.isEmpty() || g.length() > 4) {
                return Optional.empty();
            }
            try {
                result = result.shiftLeft(16).or(BigInteger.valueOf(Integer.parseInt(g, 16)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        if (tail != null) {
            result = result.shiftRight(32).shiftLeft(32).or(tail);
        }
        return Optional.of(new Address(result, 128));
    }

    /** An address as a number, and its family's width in bits. */
    public record Address(BigInteger value, int bits) {
    }
}
