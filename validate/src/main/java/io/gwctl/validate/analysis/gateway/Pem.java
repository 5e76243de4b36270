package io.gwctl.validate.analysis.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first PEM block of some bytes, as Go's {@code pem.Decode} finds it: its type
 * ({@code CERTIFICATE}, {@code PRIVATE KEY}, ...), whether it carries RFC 1421 headers (an encrypted
 * legacy key), and its DER bytes.
 *
 * @param type      the label after {@code BEGIN}
 * @param encrypted whether the block has a {@code Proc-Type: 4,ENCRYPTED} header
 * @param der       the decoded body
 */
record Pem(String type, boolean encrypted, byte[] der) {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([^-\\r\\n]*)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

    /** The first block of {@code data} whose body is valid base64, or empty when there is none. */
    static Optional<Pem> first(byte[] data) {
        Matcher m = BLOCK.matcher(new String(data, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            String body = m.group(2);
            boolean encrypted = body.contains("Proc-Type: 4,ENCRYPTED");
            int headersEnd = body.indexOf("\n\n");
            if (body.contains(":") && headersEnd >= 0) {
                body = body.substring(headersEnd + 2);
            }
            try {
                return Optional.of(new Pem(m.group(1), encrypted, Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                // Go's pem.Decode skips a block whose body does not decode and looks further.
            }
        }
        return Optional.empty();
    }
}
